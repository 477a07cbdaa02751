package org.sentinela.reporting.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sentinela.reporting.api.PublishedRunsApiTest;
import org.sentinela.reporting.api.PublishedRunsFixture;
import org.sentinela.reporting.db.ApiTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}), driven through Selenium, on the API over {@link PublishedRunsFixture}'s
 * database: it loads without script errors, its charts show the database's counts, a flag opens on
 * its evidence, and the verdict buttons store a verdict with a valid token and refuse a bad one.
 * Skipped where Chromium is not installed, except on CI ({@code CI} set), where it fails.
 */
class DashboardBrowserTest extends PublishedRunsApiTest {

  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static WebDriver browser;
  private static Path profile;

  @LocalServerPort private int port;

  @BeforeAll
  static void startBrowser() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String ci = System.getenv("CI");
    if (!installed && ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      fail(
          "CI is set but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing: install the Debian packages chromium and chromium-driver"
              + " (.ci/run does).");
    }
    assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");

    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1600",
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** A fresh dashboard with no token remembered, once it has loaded; earlier logs dropped. */
  @BeforeEach
  void openTheDashboard() {
    browser.manage().logs().get(LogType.BROWSER);
    browser.get("http://127.0.0.1:" + port + "/dashboard/");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
    waitUntil(d -> !"loading".equals(body().getDomAttribute("data-state")));
  }

  @Test
  void thePageLoadsWithoutScriptErrors() throws IOException {
    assertThat(body().getDomAttribute("data-state")).isEqualTo("ready");
    assertThat(browser.findElement(By.id("status")).getText()).isEmpty();
    List<LogEntry> severe =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(severe).as("browser console errors").isEmpty();
    assertThat(browser.findElement(By.id("run")).getText())
        .contains(PublishedRunsFixture.LATEST_RUN)
        .contains(PublishedRunsFixture.LATEST_COUNT + " flags");
    screenshot("dashboard-overview.png");
  }

  @Test
  void theMonthChartHasABarPerMonthWithTheDatabasesCounts() throws SQLException {
    Map<String, long[]> expected =
        counts(
            "select to_char(signature_date, 'YYYY-MM'), count(*),"
                + " count(*) filter (where severity = 'HIGH') from anomalies where run_id = ?"
                + " group by 1 order by 1");
    assertThat(expected).hasSizeGreaterThan(3);

    List<WebElement> bars = browser.findElements(By.cssSelector("#by-month g.bar"));
    Map<String, long[]> shown = new TreeMap<>();
    for (WebElement bar : bars) {
      shown.put(
          bar.getDomAttribute("data-month"),
          new long[] {
            Long.parseLong(bar.getDomAttribute("data-flags")),
            Long.parseLong(bar.getDomAttribute("data-high-flags"))
          });
    }

    assertThat(shown.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (month, count) -> assertThat(shown.get(month)).as(month).containsExactly(count));
    assertBarsAreProportional(bars, "height");
  }

  @Test
  void theUfChartHasABarPerUfWithTheDatabasesCounts() throws SQLException {
    Map<String, long[]> expected =
        counts(
            "select buyer_uf, count(*), count(*) filter (where severity = 'HIGH')"
                + " from anomalies where run_id = ? group by 1 order by 2 desc, 1");

    List<WebElement> bars = browser.findElements(By.cssSelector("#by-uf g.bar"));

    assertThat(bars)
        .extracting(bar -> bar.getDomAttribute("data-uf"))
        .containsExactlyElementsOf(expected.keySet());
    for (WebElement bar : bars) {
      assertThat(
              new long[] {
                Long.parseLong(bar.getDomAttribute("data-flags")),
                Long.parseLong(bar.getDomAttribute("data-high-flags"))
              })
          .containsExactly(expected.get(bar.getDomAttribute("data-uf")));
    }
    assertBarsAreProportional(bars, "width");
  }

  @Test
  void theBaselineChartShowsTheChosenSegmentInEveryPublishedRun() {
    assertThat(baselinePoints())
        .extracting(point -> point.getDomAttribute("data-run"))
        .containsExactly(PublishedRunsFixture.OLD_RUN, PublishedRunsFixture.LATEST_RUN);

    WebElement national =
        browser.findElement(By.cssSelector("#segment option[data-segment='national']"));
    new Select(browser.findElement(By.id("segment")))
        .selectByValue(national.getDomAttribute("value"));
    double latestNationalMedian = Math.exp(11.5 + 0.1);
    waitUntil(
        d ->
            Math.abs(
                    Double.parseDouble(baselinePoints().get(1).getDomAttribute("data-median"))
                        - latestNationalMedian)
                < 1e-6);

    assertThat(Double.parseDouble(baselinePoints().get(0).getDomAttribute("data-median")))
        .isCloseTo(Math.exp(11.5), org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void theSeasonalChartShowsTheChosenSegmentsMonthlyFactorsOfTheLatestRun() {
    waitUntil(d -> !seasonalBars().isEmpty());
    assertThat(seasonalBars())
        .as("every month but the one without contracts")
        .extracting(bar -> Integer.parseInt(bar.getDomAttribute("data-month")))
        .containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12);
    assertThat(
            browser
                .findElement(By.cssSelector("#seasonal-chart text.missing"))
                .getDomAttribute("data-month"))
        .isEqualTo(Integer.toString(PublishedRunsFixture.MONTH_WITHOUT_FACTOR));

    WebElement national =
        browser.findElement(By.cssSelector("#segment option[data-segment='national']"));
    new Select(browser.findElement(By.id("segment")))
        .selectByValue(national.getDomAttribute("value"));
    waitUntil(d -> seasonalBars().size() == 12);

    for (WebElement bar : seasonalBars()) {
      int month = Integer.parseInt(bar.getDomAttribute("data-month"));
      assertThat(Double.parseDouble(bar.getDomAttribute("data-factor")))
          .isCloseTo(
              PublishedRunsFixture.seasonalFactor(month, 0.1),
              org.assertj.core.data.Offset.offset(1e-9));
      assertThat(Double.parseDouble(bar.getDomAttribute("height"))).isPositive();
    }
    WebElement december = seasonalBars().get(11);
    WebElement january = seasonalBars().get(0);
    assertThat(Double.parseDouble(december.getDomAttribute("height")))
        .as("December (1.98x) stands far above January (1.05x)")
        .isGreaterThan(5 * Double.parseDouble(january.getDomAttribute("height")));
  }

  @Test
  void clickingATopFlagShowsItsEvidenceWithTheCpfMasked() {
    List<WebElement> rows = browser.findElements(By.cssSelector("#top-flags tbody tr"));
    assertThat(rows).hasSize(25);
    assertThat(rows.get(0).getDomAttribute("data-anomaly-id"))
        .isEqualTo(FIXTURE.latestInApiOrder(r -> true).get(0).anomalyId());
    assertThat(browser.findElement(By.id("detail")).isDisplayed()).isFalse();

    flagRow("an-0037").click();
    waitUntil(d -> d.findElement(By.id("detail-id")).getText().equals("an-0037"));

    assertThat(browser.findElement(By.id("detail")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("detail-evidence")).getText())
        .contains("\"robust_z\": 7.2")
        .contains(PublishedRunsFixture.CPF_MASKED);
    assertThat(browser.findElement(By.id("detail-explanation")).getText())
        .startsWith("Final value is 7.2 robust deviations");
    assertThat(browser.getPageSource())
        .doesNotContain(PublishedRunsFixture.CPF)
        .doesNotContain(PublishedRunsFixture.CPF_PUNCTUATED);
  }

  @Test
  void theFiltersNarrowTheTopFlags() {
    List<String> expected =
        FIXTURE.latestInApiOrder(r -> r.uf().equals("RJ") && r.qValue() <= 0.01).stream()
            .limit(25)
            .map(PublishedRunsFixture.Row::anomalyId)
            .toList();
    assertThat(expected).hasSizeBetween(2, 24);

    new Select(browser.findElement(By.id("filter-uf"))).selectByValue("RJ");
    new Select(browser.findElement(By.id("filter-q"))).selectByValue("0.01");
    waitUntil(d -> shownFlags().equals(expected));

    assertThat(shownFlags()).containsExactlyElementsOf(expected);
  }

  @Test
  void aVerdictWithAValidTokenIsStoredAndTheTokenRemembered() throws Exception {
    String analyst = "browser-" + Long.toHexString(System.nanoTime());
    String token = ApiTokens.create(FIXTURE.db(), analyst).token();
    flagRow("an-0039").click();
    waitUntil(d -> d.findElement(By.id("detail-id")).getText().equals("an-0039"));

    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.id("note")).sendKeys("Sobrepreço evidente");
    browser.findElement(By.cssSelector("button[data-verdict='confirmed']")).click();
    waitUntil(d -> "CONFIRMED".equals(feedbackStatus().getDomAttribute("data-verdict")));

    assertThat(feedbackStatus().getText()).contains("CONFIRMED").contains(analyst);
    assertThat(verdict("an-0039", analyst)).containsExactly("CONFIRMED", "Sobrepreço evidente");
    assertThat(browser.findElement(By.id("token-field")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("token-saved")).isDisplayed()).isTrue();
    screenshot("dashboard-verdict.png");

    browser.findElement(By.cssSelector("button[data-verdict='dismissed']")).click();
    waitUntil(d -> "DISMISSED".equals(feedbackStatus().getDomAttribute("data-verdict")));

    assertThat(verdict("an-0039", analyst)).containsExactly("DISMISSED", "Sobrepreço evidente");
  }

  @Test
  void aVerdictWithABadTokenShowsAnErrorAndStoresNothing() throws SQLException {
    long before = feedbackRows();
    flagRow("an-0038").click();
    waitUntil(d -> d.findElement(By.id("detail-id")).getText().equals("an-0038"));

    browser.findElement(By.id("token")).sendKeys(ApiTokens.PREFIX + "B".repeat(43));
    browser.findElement(By.cssSelector("button[data-verdict='expected']")).click();
    waitUntil(d -> "error".equals(feedbackStatus().getDomAttribute("class")));

    assertThat(feedbackStatus().getText()).startsWith("Token rejected");
    assertThat(feedbackRows()).isEqualTo(before);
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript("return sessionStorage.getItem('sentinela.analystToken')"))
        .isNull();
    assertThat(browser.findElement(By.id("token-field")).isDisplayed()).isTrue();
  }

  private WebElement body() {
    return browser.findElement(By.tagName("body"));
  }

  private WebElement feedbackStatus() {
    return browser.findElement(By.id("feedback-status"));
  }

  private WebElement flagRow(String anomalyId) {
    return browser.findElement(
        By.cssSelector("#top-flags tbody tr[data-anomaly-id='" + anomalyId + "']"));
  }

  /** The ids of the table's rows, read in one go (the table may be redrawn meanwhile). */
  @SuppressWarnings("unchecked")
  private List<String> shownFlags() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('#top-flags tbody tr'))"
                    + ".map(row => row.dataset.anomalyId);");
  }

  private List<WebElement> seasonalBars() {
    return browser.findElements(By.cssSelector("#seasonal-chart rect.month"));
  }

  private List<WebElement> baselinePoints() {
    return browser.findElements(By.cssSelector("#baseline-chart circle.point"));
  }

  private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /** The "all" bar of the most flags is the longest, and the others are in proportion to it. */
  private static void assertBarsAreProportional(List<WebElement> bars, String length) {
    long most = 0;
    double longest = 0;
    for (WebElement bar : bars) {
      most = Math.max(most, Long.parseLong(bar.getDomAttribute("data-flags")));
      longest =
          Math.max(
              longest,
              Double.parseDouble(
                  bar.findElement(By.cssSelector("rect.all")).getDomAttribute(length)));
    }
    assertThat(longest).isPositive();
    for (WebElement bar : bars) {
      double drawn =
          Double.parseDouble(bar.findElement(By.cssSelector("rect.all")).getDomAttribute(length));
      long flags = Long.parseLong(bar.getDomAttribute("data-flags"));
      assertThat(drawn / longest)
          .isCloseTo((double) flags / most, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  /** key → {flags, high flags} of the latest run, from the raw anomalies table. */
  private static Map<String, long[]> counts(String sql) throws SQLException {
    Map<String, long[]> counts = new LinkedHashMap<>();
    try (Connection c = FIXTURE.db().connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, PublishedRunsFixture.LATEST_RUN);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }
      }
    }
    return counts;
  }

  private static List<String> verdict(String anomalyId, String analyst) throws SQLException {
    try (Connection c = FIXTURE.db().connect();
        PreparedStatement s =
            c.prepareStatement(
                "select verdict, note from feedback where anomaly_id = ? and analyst = ?")) {
      s.setString(1, anomalyId);
      s.setString(2, analyst);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return List.of();
        }
        return java.util.Arrays.asList(rs.getString(1), rs.getString(2));
      }
    }
  }

  private static long feedbackRows() throws SQLException {
    try (Connection c = FIXTURE.db().connect();
        PreparedStatement s = c.prepareStatement("select count(*) from feedback");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Keeps a picture of the page in target/ for a person to look at. */
  private static void screenshot(String name) throws IOException {
    File picture = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(picture.toPath(), Paths.get("target", name), StandardCopyOption.REPLACE_EXISTING);
  }
}
