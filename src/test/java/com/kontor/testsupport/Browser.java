package com.kontor.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium (Debian's chromium and chromedriver) for the whole test JVM, shared by all browser test
 * classes: starting a browser costs seconds. Paths can be overridden with CHROME_BINARY and CHROMEDRIVER.
 * Selenium Manager never runs (it would try to download a browser).
 */
public final class Browser {

    private static ChromeDriver driver;

    private Browser() {}

    public static synchronized ChromeDriver get() {
        if (driver == null) {
            driver = start();
            ChromeDriver started = driver;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
        }
        return driver;
    }

    /** A browser of its own (the caller quits it): for measurements that need many separate sessions. */
    public static ChromeDriver startNew() {
        return start();
    }

    private static ChromeDriver start() {
        String binary = env("CHROME_BINARY", "/usr/bin/chromium");
        String chromedriver = env("CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver (" + binary + ", "
                    + chromedriver + "): apt-get install -y chromium chromium-driver");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("kontor-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-quic",
                "--window-size=1400,900",
                "--lang=en-US",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // the console is kept, so that a test can read what the page complained about (e.g. the CSP)
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /** The browser console's messages since the last call (each call empties the browser's buffer). */
    public static List<LogEntry> consoleSince(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
