package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.Browser;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.SearchPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal works under its Content-Security-Policy (hardening, item 12): a real browser signs in, searches,
 * opens a debtor with its dialogs and the API description, and its console reports no refused script, style, image
 * or font, and no error at all.
 */
class ContentSecurityBrowserTest extends BrowserTest {

    @Test
    void theViewsRunUnderThePolicyWithoutAnyConsoleError() {
        // the login page the base class opened lost its session cookie while it was still starting, and may say so
        // in the console ("Cookies disabled"); leave it before reading what earlier pages left there
        browser.get("about:blank");
        Browser.consoleSince(browser); // what earlier tests and pages left in the console is not this test's
        List<LogEntry> console = new ArrayList<>();

        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        console.addAll(Browser.consoleSince(browser));

        SearchPage search = new SearchPage(browser, url(""));
        search.criterion(1, "Customer number", "K-00001").search();
        assertThat(search.names()).isNotEmpty();
        console.addAll(Browser.consoleSince(browser));

        long debtorNumber = new ApiClient(port)
                .get("kontor_test_demo_mueller_webshop", "/api/v1/debtors/T-00001")
                .number("userId");
        DebtorDetailPage debtor = DebtorDetailPage.open(app, "test", debtorNumber, null);
        assertThat(debtor.name()).isNotBlank();
        debtor.edit(); // the dialog's combo boxes and fields bring their own icons and styles
        console.addAll(Browser.consoleSince(browser));

        app.go("/test/audit");
        console.addAll(Browser.consoleSince(browser));

        browser.get(url("/swagger-ui/index.html")); // the API description is served under the same policy
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
        // the API key scheme is declared: Swagger UI offers to authorize with a key
        assertThat(browser.findElements(By.cssSelector(".swagger-ui button.authorize")))
                .isNotEmpty();
        console.addAll(Browser.consoleSince(browser));

        assertThat(console)
                .as(
                        "console messages: %s",
                        console.stream()
                                .map(e -> e.getLevel() + " " + e.getMessage())
                                .map(m -> m.length() > 300 ? m.substring(0, 300) + "…" : m)
                                .toList())
                .noneSatisfy(entry -> assertThat(entry.getMessage()).containsIgnoringCase("Content Security Policy"))
                .noneSatisfy(entry -> assertThat(entry.getLevel()).isEqualTo(Level.SEVERE));
    }
}
