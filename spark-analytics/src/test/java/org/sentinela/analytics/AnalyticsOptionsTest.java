package org.sentinela.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class AnalyticsOptionsTest {

  private static final String[] ARGS = {"--lake", "/data/lake", "--run-id", "2024-05-01"};

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("SENTINELA_DB_URL", "jdbc:postgresql://127.0.0.1:5432/sentinela");
    env.put("SENTINELA_DB_USER", "sentinela");
    env.put("SENTINELA_DB_PASSWORD", "secret");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void readsArgumentsAndEnvironmentWithDefaults() {
    AnalyticsOptions options = AnalyticsOptions.parse(ARGS, env(), 4);

    assertThat(options.lake()).isEqualTo(Path.of("/data/lake"));
    assertThat(options.runId()).isEqualTo("2024-05-01");
    assertThat(options.database().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/sentinela");
    assertThat(options.database().user()).isEqualTo("sentinela");
    assertThat(options.database().password()).isEqualTo("secret");
    assertThat(options.database().toString()).doesNotContain("secret");
    assertThat(options.sparkMaster()).isEqualTo("local[*]");
    assertThat(options.shufflePartitions()).isEqualTo(8);
  }

  @Test
  void acceptsEqualsFormAndExplicitSparkSettings() {
    AnalyticsOptions options =
        AnalyticsOptions.parse(
            new String[] {"--lake=/l", "--run-id=r1"},
            env(
                "SENTINELA_SPARK_MASTER", "spark://127.0.0.1:7077",
                "SENTINELA_SPARK_SHUFFLE_PARTITIONS", "16"),
            2);

    assertThat(options.lake()).isEqualTo(Path.of("/l"));
    assertThat(options.sparkMaster()).isEqualTo("spark://127.0.0.1:7077");
    assertThat(options.shufflePartitions()).isEqualTo(16);
  }

  @Test
  void errorsNameTheSettingAndTheBadValue() {
    assertThatThrownBy(() -> AnalyticsOptions.parse(new String[] {"--run-id", "r"}, env(), 2))
        .hasMessage("--lake DIR is required");
    assertThatThrownBy(() -> AnalyticsOptions.parse(new String[] {"--lake", "/l"}, env(), 2))
        .hasMessage("--run-id ID is required");
    assertThatThrownBy(() -> AnalyticsOptions.parse(new String[] {"--lake"}, env(), 2))
        .hasMessage("--lake needs a value");
    assertThatThrownBy(() -> AnalyticsOptions.parse(new String[] {"--lakes", "/l"}, env(), 2))
        .hasMessageContaining("unknown argument '--lakes'");
    assertThatThrownBy(
            () -> AnalyticsOptions.parse(ARGS, env("SENTINELA_DB_URL", "postgres://x/y"), 2))
        .hasMessage("SENTINELA_DB_URL must be a jdbc:postgresql:// URL, got 'postgres://x/y'");
    assertThatThrownBy(() -> AnalyticsOptions.parse(ARGS, env("SENTINELA_DB_USER", " "), 2))
        .hasMessageContaining("SENTINELA_DB_USER must be set");
    Map<String, String> noUrl = env();
    noUrl.remove("SENTINELA_DB_URL");
    assertThatThrownBy(() -> AnalyticsOptions.parse(ARGS, noUrl, 2))
        .hasMessageContaining("SENTINELA_DB_URL must be set");
    assertThatThrownBy(
            () ->
                AnalyticsOptions.parse(ARGS, env("SENTINELA_SPARK_SHUFFLE_PARTITIONS", "zero"), 2))
        .hasMessage("SENTINELA_SPARK_SHUFFLE_PARTITIONS must be a positive integer, got 'zero'");
    assertThatThrownBy(
            () -> AnalyticsOptions.parse(ARGS, env("SENTINELA_SPARK_SHUFFLE_PARTITIONS", "0"), 2))
        .hasMessage("SENTINELA_SPARK_SHUFFLE_PARTITIONS must be a positive integer, got '0'");
    assertThatThrownBy(
            () -> AnalyticsOptions.parse(new String[] {"--lake", "/l", "--run-id", " "}, env(), 2))
        .hasMessageContaining("--run-id must be a non-blank id");
  }

  @Test
  void aLocalMasterGetsLoopbackAndNoUi() {
    SparkConf conf = AnalyticsOptions.parse(ARGS, env(), 2).sparkConf(new SparkConf(false));

    assertThat(conf.get("spark.master")).isEqualTo("local[*]");
    assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
    assertThat(conf.get("spark.driver.host")).isEqualTo("127.0.0.1");
    assertThat(conf.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
    assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("4");
    assertThat(conf.get("spark.sql.objectHashAggregate.sortBased.fallbackThreshold"))
        .isEqualTo("65536");
  }

  @Test
  void whatSparkSubmitSetWinsOverTheEnvironment() {
    SparkConf submitted =
        new SparkConf(false)
            .set("spark.master", "spark://10.0.0.5:7077")
            .set("spark.sql.shuffle.partitions", "200");

    SparkConf conf =
        AnalyticsOptions.parse(ARGS, env("SENTINELA_SPARK_MASTER", "local[2]"), 2)
            .sparkConf(submitted);

    assertThat(conf.get("spark.master")).isEqualTo("spark://10.0.0.5:7077");
    assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("200");
    assertThat(conf.contains("spark.driver.host")).isFalse();
    assertThat(conf.contains("spark.ui.enabled")).isFalse();
  }
}
