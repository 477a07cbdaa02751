package org.sentinela.reporting.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;

/**
 * The dashboard's files are served at {@code /dashboard/} with a Content-Security-Policy that keeps
 * the page to its own origin, and they load nothing from elsewhere (the machine may be offline).
 */
class DashboardFilesTest extends PublishedRunsApiTest {

  @Test
  void thePageIsServedAtTheDashboardPathWithItsSecurityHeaders() {
    Answer page = api.get("/dashboard/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).contains("<script src=\"dashboard.js\"></script>");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(DashboardConfiguration.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void theBarePathRedirectsToThePage() {
    Answer answer = api.get("/dashboard");

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/");
  }

  @Test
  void theScriptAndStyleAreServedAndReferToNothingOutsideTheOrigin() {
    for (String file :
        new String[] {
          "/dashboard/index.html", "/dashboard/dashboard.js", "/dashboard/dashboard.css"
        }) {
      Answer answer = api.get(file);

      assertThat(answer.status()).as(file).isEqualTo(200);
      assertThat(answer.text()).as(file).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
      assertThat(answer.text()).as(file).doesNotContainPattern("(?i)url\\(\\s*['\"]?https?:");
      assertThat(answer.text()).as(file).doesNotContain("innerHTML");
    }
    assertThat(api.get("/dashboard/dashboard.js").contentType()).contains("javascript");
    assertThat(api.get("/dashboard/dashboard.css").contentType()).startsWith("text/css");
  }
}
