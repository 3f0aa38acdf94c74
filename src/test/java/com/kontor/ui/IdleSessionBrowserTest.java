package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;

/**
 * ACC-4: an idle session ends although the open tab keeps sending heartbeats. The test configuration uses a
 * 20-second idle timeout and a 3-second heartbeat (src/test/resources/config/application.yaml).
 */
class IdleSessionBrowserTest extends BrowserTest {

    @Value("${kontor.security.idle-timeout}")
    Duration idleTimeout;

    @Value("${vaadin.heartbeatInterval}")
    int heartbeatSeconds;

    @Test
    void anIdleSessionEndsEvenWithTheTabLeftOpen() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        app.waitForPath("/live/debtors");
        // Leave the tab open, untouched: its heartbeats keep reaching the server all along. Once the idle time is
        // over, the next heartbeat finds the session ended and the tab shows the login page by itself. Reading the
        // browser's address is no activity on the server.
        Duration atMost = idleTimeout.plusSeconds(3L * heartbeatSeconds).plusSeconds(15);
        new WebDriverWait(browser, atMost, Duration.ofSeconds(1))
                .withMessage("after " + idleTimeout + " idle the session has ended")
                .until(b -> b.getCurrentUrl().contains("/login"));
        browser.navigate().refresh();
        assertThat(new LoginPage(browser, url("")).isShown()).isTrue();
        LoginPage.open(browser, url("")); // and logging in works again
    }
}
