package io.switchboard.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Selenium, headless. Never lets Selenium download a browser or driver:
 * both paths come from the machine (SWITCHBOARD_TEST_CHROMIUM / SWITCHBOARD_TEST_CHROMEDRIVER, or the
 * Debian defaults).
 */
public final class Browser {

    static final String CHROMIUM = env("SWITCHBOARD_TEST_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = env("SWITCHBOARD_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Browser() {
    }

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    public static String unavailableReason() {
        return "Chromium not found at " + CHROMIUM + " / " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver; .ci/run does)";
    }

    public static ChromeDriver open(Path profileDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-quic", "--window-size=1280,800",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** Saves a screenshot under target/screenshots/ as a test artifact. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("screenshot not saved: " + e, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
