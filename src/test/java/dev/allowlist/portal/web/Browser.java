package dev.allowlist.portal.web;

import dev.allowlist.portal.SystemTools;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium driven by its own chromedriver (nothing downloaded), with screenshots of every step. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    final Path downloads;
    final String name;
    final String base;
    private int step;

    Browser(String name, String base) {
        SystemTools.require(new File("/usr/bin/chromium").canExecute()
                && new File("/usr/bin/chromedriver").canExecute(), "chromium", "chromium chromium-driver fonts-noto-cjk");
        this.name = name;
        this.base = base;
        try {
            downloads = Files.createTempDirectory("downloads-" + name);
            Path profile = Files.createTempDirectory("chromium-" + name);
            Files.createDirectories(SCREENSHOTS);
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Logs in through the login page of the identity provider, pressing the user's button. */
    void login(String user, String path) {
        open(path);
        driver.findElement(By.name("predefined-" + user)).click();
        // back at the portal, past the code callback's own redirect, and loaded
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(base)
                && !d.getCurrentUrl().contains("code=") && "complete".equals(
                        ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** A screenshot of the page as it is now, numbered, under target/screenshots. */
    Path shot(String what) {
        return save(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", name, ++step, what)));
    }

    /** A screenshot named by what it shows alone ({@code tour-en-dashboard.png}): the same name on every run. */
    Path shotNamed(String what) {
        return save(SCREENSHOTS.resolve(name + "-" + what + ".png"));
    }

    private Path save(Path target) {
        try {
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Clicks something that loads a new page, and waits until the old page is gone. */
    void go(By target) {
        WebElement old = driver.findElement(By.tagName("html"));
        WebElement element = driver.findElement(target);
        // to the middle of the window: scrolled to the top, it would sit under the sticky sub-navigation
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(old));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether an element of the page before a navigation is gone. Chromium reports a node detached
     * mid-navigation either as stale or, under load, as an "unknown error" that the node "does not
     * belong to the document" (seen on a busy CI machine): both mean the old page is gone.
     */
    private static boolean isGone(WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    String text() {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (WebDriverException e) {
                // the body of a page being replaced: stale, or "does not belong to the document" under load
                boolean replaced = e instanceof StaleElementReferenceException
                        || String.valueOf(e.getMessage()).contains("does not belong to the document");
                if (!replaced || attempt > 20) {
                    throw e;
                }
            }
        }
    }

    /** Waits for a downloaded file whose name ends so, and returns it. */
    Path download(String suffix) {
        return Awaitility.await("a download ending in " + suffix + " in " + downloads)
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    try (var files = Files.list(downloads)) {
                        return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
                    }
                }, Optional::isPresent).get();
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
