package com.kontor.testsupport;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the Selenium tests: the shared application and browser, a clean browser session per test. */
@IntegrationTest
@ExtendWith(FailureArtifacts.class)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;

    @BeforeEach
    void freshBrowserSession() {
        browser = Browser.get();
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
