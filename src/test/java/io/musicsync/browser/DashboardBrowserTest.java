package io.musicsync.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.TestService;
import io.musicsync.support.UnsureSong;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard and Swagger UI in Debian's headless Chromium (never a downloaded browser), driven by Selenium: enter
 * the token, submit a song, watch it complete with its track, open its history; settle a song waiting for its review
 * with one click on a candidate. Screenshots are kept under
 * {@code target/browser/} (a CI artifact).
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final String TOKEN = "browser-test-token-4f7a1c";

    private static TestService service;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        // .ci/run installs Debian's chromium and chromium-driver; elsewhere the test runs where they are installed.
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        Assumptions.assumeTrue(installed || System.getenv("CI") != null, "chromium and chromedriver not installed");
        Files.createDirectories(SCREENSHOTS);
        service = TestService.standalone(Map.of("API_TOKEN", TOKEN));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=412,915",
                // Loopback only: everything else goes to a proxy that is not there (loopback bypasses proxies).
                "--proxy-server=http://127.0.0.1:9",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aSongSubmittedOnThePhoneSizedDashboardCompletesWithItsTrackAndHistory() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(service.baseUrl().resolve("/").toString());

        WebElement tokenField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        tokenField.sendKeys(TOKEN);
        browser.findElement(By.cssSelector("#token-form button")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("token-panel")));
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('music-sync.token')"))
                .isEqualTo(TOKEN);

        browser.findElement(By.id("track_name")).sendKeys("Bohemian Rhapsody");
        browser.findElement(By.id("artist")).sendKeys("Queen");
        browser.findElement(By.id("submit")).click();

        // The other test's sync may be listed too: this one is found by its song.
        WebElement sync = wait.until(
                driver -> driver.findElements(By.cssSelector("#syncs li.sync[data-status='completed']")).stream()
                        .filter(item -> item.findElement(By.cssSelector(".song"))
                                .getText()
                                .equals("Bohemian Rhapsody — Queen"))
                        .findFirst()
                        .orElse(null));
        assertThat(sync.findElement(By.cssSelector(".state")).getText()).isEqualTo("completed");
        assertThat(sync.findElement(By.cssSelector(".song")).getText()).isEqualTo("Bohemian Rhapsody — Queen");
        assertThat(sync.findElement(By.cssSelector(".track")).getText()).contains("Bohemian Rhapsody");
        String uri = service.simulator().playlistUris(service.playlistId()).getFirst();
        assertThat(uri).startsWith("spotify:track:");

        sync.findElement(By.cssSelector(".decision summary")).click();
        assertThat(sync.findElements(By.cssSelector(".candidates tbody tr"))).isNotEmpty();
        sync.findElement(By.cssSelector(".history summary")).click();
        List<WebElement> events = wait.until(
                ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#syncs li.sync .events li"), 0));
        assertThat(events.getLast().getText()).contains("completed");
        screenshot("dashboard.png");

        ((JavascriptExecutor) browser).executeScript("document.getElementById('theme').click()");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('theme').click()");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.dataset.theme"))
                .isEqualTo("dark");
        screenshot("dashboard-dark.png");
    }

    @Test
    void aSongWaitingForReviewIsSettledWithOneClickOnACandidate() throws IOException {
        UnsureSong song = UnsureSong.addTo(service.simulator());
        String id = service.post("/api/v1/sync", UnsureSong.REQUEST, Map.of("Authorization", "Bearer " + TOKEN))
                .body()
                .get("workflow_id")
                .asText();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(service.baseUrl().resolve("/").toString());
            // The other test may have left the token in this tab's session storage.
            wait.until(driver -> !driver.findElement(By.id("token-panel")).isDisplayed()
                    || driver.findElement(By.id("token")).isDisplayed());
            if (browser.findElement(By.id("token-panel")).isDisplayed()) {
                browser.findElement(By.id("token")).sendKeys(TOKEN);
                browser.findElement(By.cssSelector("#token-form button")).click();
            }

            WebElement review = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reviews li#review-" + id)));
            assertThat(review.findElement(By.cssSelector(".song")).getText())
                    .isEqualTo("Glass Harbor — The Quiet Pines");
            assertThat(review.findElements(By.cssSelector(".choices button.choose")))
                    .hasSize(2);
            assertThat(review.findElement(By.cssSelector("button.none")).getText())
                    .isEqualTo("Not on Spotify");
            screenshot("dashboard-review.png");

            review.findElement(By.cssSelector("button.choose[data-uri='" + song.reRecordingUri() + "']"))
                    .click();

            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#reviews li#review-" + id)));
            WebElement sync = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#syncs li.sync[data-id='" + id + "'][data-status='completed']")));
            assertThat(sync.findElement(By.cssSelector(".track")).getText()).contains("review");
            assertThat(service.simulator().playlistUris(service.playlistId())).contains(song.reRecordingUri());
            assertThat(service.get("/api/v1/sync/" + id, Map.of("Authorization", "Bearer " + TOKEN))
                            .body()
                            .get("result")
                            .get("match_method")
                            .asText())
                    .isEqualTo("review");

        } finally {
            // The other test starts from a tab without the token.
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        }
    }

    @Test
    void swaggerUiLoadsTheCheckedDocument() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(service.baseUrl().resolve("/docs").toString());

        WebElement title =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
        assertThat(title.getText()).contains("music-sync");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
        assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
                .extracting(WebElement::getText)
                .anySatisfy(path -> assertThat(path).contains("/api/v1/sync"));
        screenshot("swagger-ui.png");
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
