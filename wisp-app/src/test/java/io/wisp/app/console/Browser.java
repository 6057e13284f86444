package io.wisp.app.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium through the Debian packages' ChromeDriver, offline (no Selenium
 * Manager, no download). Tests that need it skip, with a message naming the missing program, only when Chromium or
 * ChromeDriver is not installed; {@code .ci/run} installs both.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots of the main screens go. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final java.util.regex.Pattern API_ANSWER = java.util.regex.Pattern.compile(
            "/api/v1/\\S* - Failed to load resource: the server responded with a status of 4\\d\\d");

    final ChromeDriver driver;
    final Path downloads;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    /** Skips the calling test unless Chromium and ChromeDriver are installed where Debian puts them. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "console browser tests skipped: " + CHROMIUM
                + " is not installed (Debian package chromium; .ci/run installs it)");
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), "console browser tests skipped: " + CHROMEDRIVER
                + " is not installed (Debian package chromium-driver; .ci/run installs it)");
    }

    /** Starts Chromium at 1280×800, downloading into a fresh temporary directory. */
    static Browser start() {
        assumeInstalled();
        Path downloads;
        try {
            downloads = Files.createTempDirectory("wisp-console-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,800");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        return new Browser(driver, downloads);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits (bounded) until {@code condition} gives a non-null, non-false value, and returns it. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until an element matching {@code css} is displayed. */
    WebElement shown(String css) {
        return await(css + " is shown", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
    }

    /** Waits until the text of the first element matching {@code css} contains {@code text}. */
    WebElement text(String css, String text) {
        return await(css + " shows '" + text + "'", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null);
        });
    }

    /** Clears an input and types {@code text} into it, as a person would. */
    void type(String css, String text) {
        WebElement input = shown(css);
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        shown(css).click();
    }

    /** Resizes the window (phone width is 390×844). */
    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a screenshot of the page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The browser's console messages of level SEVERE since the last call: script errors and failed loads, except the
     * API's 4xx answers, which the console shows to the user as problems (Chromium logs each of them too).
     */
    List<String> severeLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !API_ANSWER.matcher(m).find())
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(downloads);
        } catch (IOException e) {
            // a temporary directory left behind does no harm
        }
    }
}
