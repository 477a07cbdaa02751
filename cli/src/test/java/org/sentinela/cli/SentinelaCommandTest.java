package org.sentinela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentinelaCommandTest {

  @TempDir Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpListsTheSubcommands() {
    int exit = run(Map.of("SENTINELA_HOME", home.toString()), "--help");

    assertThat(exit).isZero();
    assertThat(text(out)).contains("nightly", "demo", "serve", "migrate", "docs/configuration.md");
  }

  @Test
  void aMissingInputFolderFailsWithItsNameBeforeAnythingStarts() {
    int exit = run(Map.of("SENTINELA_HOME", home.toString()), "nightly", "--input", "/no/such/dir");

    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).contains("/no/such/dir does not exist");
    assertThat(home.resolve("postgres")).doesNotExist();
  }

  @Test
  void anInputFolderWithOnlySubfoldersFailsNamingThemWhenTheLakeIsEmpty() throws Exception {
    Path input = home.resolve("real");
    java.nio.file.Files.createDirectories(input.resolve("portal_transparencia_compras"));
    java.nio.file.Files.createDirectories(input.resolve("pncp_contratos"));
    java.nio.file.Files.createDirectories(input.resolve(".git"));

    int exit =
        run(Map.of("SENTINELA_HOME", home.toString()), "nightly", "--input", input.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(text(err))
        .contains(
            input + " holds no files",
            "subfolders are not read: pncp_contratos, portal_transparencia_compras)",
            "holds no contracts yet")
        .doesNotContain(".git");
    assertThat(home.resolve("postgres")).doesNotExist();
  }

  @Test
  void aMissingInboxSaysHowToProvideOne() {
    int exit = run(Map.of("SENTINELA_HOME", home.toString()), "nightly");

    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).contains("inbox", "SENTINELA_INBOX", "--input");
  }

  @Test
  void aBadSettingIsAUsageErrorNamingIt() {
    int exit =
        run(Map.of("SENTINELA_HOME", home.toString(), "SENTINELA_API_PORT", "http"), "serve");

    assertThat(exit).isEqualTo(Sentinela.USAGE);
    assertThat(text(err)).contains("SENTINELA_API_PORT", "'http'");
  }

  private int run(Map<String, String> env, String... args) {
    return Sentinela.execute(
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
