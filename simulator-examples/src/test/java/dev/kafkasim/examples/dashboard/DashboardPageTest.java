package dev.kafkasim.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kafkasim.core.Rate;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the real page in headless Chromium against a dashboard on 127.0.0.1 and its embedded broker. Skipped when
 * Debian's {@code chromium} and {@code chromium-driver} packages are not installed. One browser serves every test,
 * and each test loads the page afresh. Screenshots go to {@code target/dashboard-screenshots}.
 */
class DashboardPageTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private static String missingBrowser;
    private static DashboardServer server;
    private static Path profile;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        missingBrowser = missingBrowser();
        if (missingBrowser != null) {
            // Each test then reports itself skipped with this reason. Surefire 3.5.4 counts an assumption that fails
            // here as zero tests run, with no reason shown.
            return;
        }
        server = DashboardServer.builder().port(0).start();
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        browser = startBrowser(profile);
        // The page redraws its tables on every status event, so an element found a moment ago can be gone.
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stopBrowserAndServer() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    @BeforeEach
    void openPage() {
        assumeTrue(missingBrowser == null, missingBrowser);
        browser.get(server.uri().toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#streams .stream")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start")));
    }

    @AfterEach
    void stopRun() throws IOException, InterruptedException {
        if (server == null) {
            return;
        }
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("/api/stop"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void pageRunsPausesResumesStops() throws IOException {
        setField(By.cssSelector("#streams .stream-topic"), "page.sensors");
        setField(By.cssSelector("#streams .stream-rate"), "400/s");

        click("start");
        awaitState("RUNNING");
        wait.until(driver -> count("count-acknowledged") > 100 && points("chart-rate") >= 3);
        long acknowledgedBeforePause = count("count-acknowledged");
        assertThat(button("start").isEnabled()).isFalse();
        assertThat(button("resume").isEnabled()).isFalse();
        click("pause");
        awaitState("PAUSED");
        assertThat(button("pause").isEnabled()).isFalse();
        assertThat(button("resume").isEnabled()).isTrue();
        click("resume");
        awaitState("RUNNING");
        wait.until(driver -> count("count-consumed") > acknowledgedBeforePause);
        setField(By.cssSelector("#streams .stream-rate"), "250/s");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#streams .stream-set-rate")))
                .click();
        wait.until(driver -> text(By.cssSelector("#recent caption")).contains("target 250/s"));
        assertThat(text(By.cssSelector("#recent caption"))).startsWith("sensors → page.sensors · target 250/s");
        clickStreamPause();
        wait.until(driver -> text(By.cssSelector("#recent caption")).contains(" · paused"));
        assertThat(text(By.cssSelector("#streams .stream-pause"))).isEqualTo("Resume");
        clickStreamPause();
        wait.until(driver -> !text(By.cssSelector("#recent caption")).contains(" · paused"));
        assertThat(text(By.cssSelector("#streams .stream-pause"))).isEqualTo("Pause");
        assertThat(text(By.cssSelector("#recent tbody td:nth-child(2)"))).startsWith("sensor-");
        screenshot("dashboard-running.png");
        click("stop");
        awaitState("STOPPED");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verification-summary"), "verified:"));

        assertThat(text(By.id("verification-summary")))
                .startsWith("verified: generated=")
                .endsWith("missing=0 duplicates=0");
        assertThat(text(By.id("verification-result")))
                .isEqualTo("Every acknowledged record was read back exactly once.");
        assertThat(text(By.id("verification-latency"))).startsWith("End-to-end latency over the run: p50 ");
        assertThat(points("chart-latency")).isGreaterThan(3);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start")));
        assertThat(button("stop").isEnabled()).isFalse();
        assertThat(button("pause").isEnabled()).isFalse();
        screenshot("dashboard-verified.png");
    }

    @Test
    void unreachableBrokerShowsError() throws IOException {
        setField(By.id("bootstrap-servers"), "127.0.0.1:1");

        click("start");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-message"), "127.0.0.1:1"));
        awaitState("FAILED");

        assertThat(text(By.id("error-message")))
                .startsWith("could not start the run: ")
                .contains("127.0.0.1:1");
        assertThat(button("start").isEnabled()).isTrue();
        assertThat(button("stop").isEnabled()).isFalse();
        screenshot("dashboard-unreachable-broker.png");
    }

    @Test
    void invalidRateShowsError() {
        setField(By.cssSelector("#streams .stream-rate"), "fast");

        click("start");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-message"), "invalid rate"));

        assertThat(text(By.id("error-message")))
                .isEqualTo("invalid start request: streams.sensors.rate: invalid rate 'fast'; expected "
                        + Rate.VALID_FORMS);
        assertThat(button("start").isEnabled()).isTrue();
    }

    @Test
    void settingsMenuCollapsesAndOpens() {
        WebElement menu = browser.findElement(By.id("side-menu"));

        click("menu-toggle");
        wait.until(ExpectedConditions.invisibilityOf(menu));
        click("menu-toggle");
        wait.until(ExpectedConditions.visibilityOf(menu));

        assertThat(menu.isDisplayed()).isTrue();
        assertThat(button("menu-toggle").getDomAttribute("aria-expanded")).isEqualTo("true");
    }

    @Test
    void invalidScenarioFileListsProblems(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("typo.conf");
        Files.writeString(
                file,
                "simulation {\n  streams.s {\n    topic = t\n    rate = 10/s\n    fields {\n"
                        + "      x { type = normal, mean = 1, stddv = 2 }\n    }\n  }\n}\n");
        new Select(browser.findElement(By.id("scenario"))).selectByVisibleText("file…");
        setField(By.id("scenario-file"), file.toAbsolutePath().toString());

        click("start");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-message"), "typo.conf"));
        List<String> problems = wait.until(driver -> {
            List<String> items = driver.findElements(By.cssSelector("#error-problems li")).stream()
                    .map(WebElement::getText)
                    .toList();
            return items.isEmpty() ? null : items;
        });

        assertThat(text(By.id("error-message")))
                .isEqualTo("invalid scenario '" + file.toAbsolutePath() + "': 2 problems");
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "typo.conf:6: simulation.streams.s.fields.x.stddev: missing required key; expected a number",
                        "typo.conf:6: simulation.streams.s.fields.x.stddv: unknown key; did you mean 'stddev'?"
                                + " (valid keys: mean, stddev, min, max, scale)");
        screenshot("dashboard-invalid-scenario.png");
    }

    /** Returns why the browser cannot run, or {@code null} when Chromium and its driver are installed. */
    private static String missingBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            return "headless page tests need " + CHROMIUM + " (apt-get install chromium)";
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return "headless page tests need " + CHROMEDRIVER + " (apt-get install chromium-driver)";
        }
        return null;
    }

    private static ChromeDriver startBrowser(Path profile) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1400,1500",
                        "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void setField(By locator, String value) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(locator));
        field.clear();
        field.sendKeys(value);
    }

    private static void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static void clickStreamPause() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#streams .stream-pause")))
                .click();
    }

    private static WebElement button(String id) {
        return browser.findElement(By.id(id));
    }

    /** Returns an element's text, looking the element up again when a redraw has replaced it. */
    private static String text(By locator) {
        return wait.until(driver -> driver.findElement(locator).getText());
    }

    private static void awaitState(String state) {
        wait.until(ExpectedConditions.textToBe(By.id("state"), state));
    }

    private static long count(String id) {
        return Long.parseLong(browser.findElement(By.id(id)).getText().replace(",", ""));
    }

    private static int points(String chart) {
        String points = browser.findElement(By.id(chart)).getDomAttribute("data-points");
        return points == null ? 0 : Integer.parseInt(points);
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
