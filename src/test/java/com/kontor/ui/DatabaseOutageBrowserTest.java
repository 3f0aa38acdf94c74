package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.kontor.demo.DemoLogins;
import com.kontor.embedded.EmbeddedMariaDb;
import com.kontor.testsupport.BrowserTest;
import com.kontor.testsupport.TestDatabaseEnvironmentPostProcessor;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.SearchPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal while the database is gone: a page, an action and a login each say in plain words that Kontor cannot
 * reach its database and nothing was changed (no stack trace, no "wrong password"), and everything works again
 * once the database is back. Stops the test JVM's MariaDB, so it runs with {@code DatabaseOutageTest} (tag outage).
 */
@Tag("outage")
class DatabaseOutageBrowserTest extends BrowserTest {

    static final String EMAIL = "support@mueller.example";

    @Test
    void pagesActionsAndLoginsSayTheDatabaseCannotBeReachedAndWorkAgainAfterwards() throws Exception {
        EmbeddedMariaDb db =
                TestDatabaseEnvironmentPostProcessor.embeddedServer().orElse(null);
        assumeTrue(db != null, "stops the embedded test MariaDB; not with an external one (KONTOR_TEST_DB_URL)");
        AppPage app = LoginPage.open(browser, url("")).loginAs(EMAIL, DemoLogins.PASSWORD);
        app.go("/test/debtors");
        SearchPage search = new SearchPage(browser, url(""));

        db.stop();
        try {
            search.criterion(1, "First name", "Nobody").search();
            waitForText("Kontor cannot reach its database just now, so nothing was changed.");

            app.go("/test/debtors");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            String page = wait.until(d -> d.findElement(By.id("database-unavailable")))
                    .getText();
            assertThat(page)
                    .contains("Kontor is unavailable for a moment")
                    .contains("Nothing was changed")
                    .doesNotContain("Exception");

            browser.manage().deleteAllCookies();
            LoginPage login = LoginPage.open(browser, url(""));
            login.submit(EMAIL, DemoLogins.PASSWORD);
            assertThat(login.errorMessage())
                    .contains("cannot reach its database")
                    .contains("nobody can log in");
        } finally {
            db.startServer();
        }
        // the pool reconnects by itself within seconds (its retries back off to 5 s during a long outage)
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> ready());

        browser.manage().deleteAllCookies();
        AppPage again = LoginPage.open(browser, url("")).loginAs(EMAIL, DemoLogins.PASSWORD);
        again.go("/test/debtors");
        new SearchPage(browser, url("")).criterion(1, "First name", "Nobody").search();
        assertThat(again.bodyText()).doesNotContain("cannot reach its database");
    }

    private boolean ready() {
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private void waitForText(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }
}
