package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.SearchPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** ACC-4, ACC-3, ACC-2 and PLAT-3 in a real browser. */
class LoginBrowserTest extends BrowserTest {

    @Test
    void aWrongPasswordShowsOneNeutralMessage() {
        LoginPage login = LoginPage.open(browser, url(""));
        login.submit("support@mueller.example", "not the password");
        String wrongPassword = login.errorMessage();
        assertThat(wrongPassword).contains("not correct");

        login = LoginPage.open(browser, url(""));
        login.submit("nobody@nowhere.example", "not the password");
        assertThat(login.errorMessage()).isEqualTo(wrongPassword); // an unknown name looks exactly the same
    }

    @Test
    void aSupportUserSeesTheLayoutWithTheMerchantAndOnlyTheirAreas() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        app.waitForPath("/live/debtors");
        assertThat(app.merchantName()).isEqualTo(DemoLogins.MERCHANT_A);
        assertThat(app.userName()).isEqualTo("Sam Support");
        assertThat(app.testBandShown()).isFalse();
        assertThat(app.menu()).containsExactly("Debtors", "Documents", "Emails", "Blacklist", "Audit log");
        SearchPage search = new SearchPage(browser, url(""));
        search.criterion(1, "Customer number", "K-00001").search();
        assertThat(search.names()).isNotEmpty();
        search.criterion(1, "Customer number", "T-00001").search(); // a test-mode debtor: not in live mode
        assertThat(search.names()).isEmpty();
    }

    @Test
    void switchingToTestModeShowsTheBandAndTestDataAndSwitchingBackRemovesIt() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        app.waitForPath("/live/debtors");
        app.switchMode("Test");
        app.waitForPath("/test/debtors");
        assertThat(app.testBandShown()).isTrue();
        assertThat(app.testBandText()).contains("TEST MODE");
        SearchPage search = new SearchPage(browser, url(""));
        search.criterion(1, "Customer number", "T-00001").search();
        assertThat(search.names()).isNotEmpty();
        search.criterion(1, "Customer number", "K-00001").search(); // a live debtor: not in test mode
        assertThat(search.names()).isEmpty();

        app.openMenu("Audit log");
        app.waitForPath("/test/audit");
        assertThat(app.testBandShown()).isTrue(); // on every view of the mode

        app.switchMode("Live");
        app.waitForPath("/live/audit");
        assertThat(app.testBandShown()).isFalse();
    }

    @Test
    void switchingModeOnADebtorsPageLandsOnTheOtherModesSearchInsideThePortal() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        app.waitForPath("/live/debtors");
        SearchPage search = new SearchPage(browser, url(""));
        search.criterion(1, "Customer number", "K-00001").search();
        search.openFirstName();
        DebtorDetailPage debtor = new DebtorDetailPage(browser, url(""));
        assertThat(debtor.path()).startsWith("/live/debtors/");

        debtor.switchMode("Test"); // the live debtor does not exist in test mode: its search does
        debtor.waitForPath("/test/debtors");
        assertThat(DebtorDetailPage.notFound(debtor)).isFalse();
        assertThat(debtor.testBandShown()).isTrue();
        assertThat(debtor.menu()).contains("Debtors", "Audit log");
        new SearchPage(browser, url(""))
                .criterion(1, "Customer number", "T-00001")
                .search();
        assertThat(search.names()).isNotEmpty();

        debtor.go("/test/audit?debtor=1"); // a log filtered to a debtor: the filter names data of its mode
        debtor.switchMode("Live");
        debtor.waitForPath("/live/audit");
    }

    @Test
    void aRouteTheRoleMayNotOpenOrAMistypedOneShowsNotFoundInsideThePortalWithItsMenu() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        app.waitForPath("/live/debtors");
        for (String path : new String[] {"/live/admin/users", "/live/no/such/page", "/operator/merchants"}) {
            app.go(path);
            assertThat(DebtorDetailPage.notFound(app)).as(path).isTrue();
            assertThat(app.merchantName()).as(path).isEqualTo(DemoLogins.MERCHANT_A);
            assertThat(app.menu()).as(path).containsExactly("Debtors", "Documents", "Emails", "Blacklist", "Audit log");
        }
        app.go("/test/no/such/page"); // the mode of a URL not found still shows in the frame
        assertThat(DebtorDetailPage.notFound(app)).isTrue();
        assertThat(app.testBandShown()).isTrue();
        app.switchMode("Live");
        app.waitForPath("/live/debtors");
        assertThat(DebtorDetailPage.notFound(app)).isFalse();
    }

    @Test
    void aSharedTestModeLinkOpensInTestMode() {
        LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        AppPage app = new AppPage(browser, url(""));
        app.go("/test/debtors");
        assertThat(app.testBandShown()).isTrue();
        SearchPage search = new SearchPage(browser, url(""));
        search.criterion(1, "Customer number", "T-00001").search();
        assertThat(search.names()).isNotEmpty();
    }

    @Test
    void administrationIsNeitherInTheSupportMenuNorReachableByUrl() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        assertThat(app.menu()).doesNotContain("Administration", "Merchants");
        app.go("/live/admin/users");
        assertThat(app.bodyText()).contains("Page not found").doesNotContain("New user");
        assertThat(browser.findElements(org.openqa.selenium.By.id("user-grid"))).isEmpty();
        app.go("/live/admin/settings");
        assertThat(browser.findElements(org.openqa.selenium.By.id("save-settings")))
                .isEmpty();
        app.go("/operator/merchants");
        assertThat(browser.findElements(org.openqa.selenium.By.id("merchant-grid")))
                .isEmpty();
    }

    @Test
    void aViewOfAModuleTheMerchantHasNotBookedIsRefusedByUrl() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("admin@baker.example", DemoLogins.PASSWORD);
        assertThat(app.merchantName()).isEqualTo(DemoLogins.MERCHANT_B);
        assertThat(app.menu()).contains("Blacklist", "Administration").doesNotContain("Dunning", "Documents", "Emails");
        app.go("/live/dunning");
        assertThat(app.bodyText()).contains("Page not found").doesNotContain("Dunning runs");
        app.go("/live/documents"); // documents come with the invoice module, which this merchant has not booked
        assertThat(DebtorDetailPage.notFound(app)).isTrue();
        // Administration shows no tab of the dunning procedure either, and its URL is refused the same way
        app.go("/live/admin/letterhead");
        new WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("admin-letterhead-link")));
        assertThat(browser.findElements(By.id("admin-dunning-procedure-link"))).isEmpty();
        app.go("/live/admin/dunning-procedure");
        assertThat(browser.findElements(By.id("save-dunning-procedure"))).isEmpty();
        assertThat(DebtorDetailPage.notFound(app)).isTrue();
    }

    @Test
    void theLanguageSwitchTurnsTheInterfaceGerman() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("auditor@mueller.example", DemoLogins.PASSWORD);
        assertThat(app.menu()).contains("Audit log").doesNotContain("Blacklist", "Administration");
        app.chooseLanguage("DE");
        assertThat(app.menu()).contains("Debitoren", "Audit-Log");
        app.chooseLanguage("EN");
        assertThat(app.menu()).contains("Debtors");
    }

    @Test
    void logoutEndsTheSession() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("support@mueller.example", DemoLogins.PASSWORD);
        LoginPage login = app.logout();
        assertThat(login.isShown()).isTrue();
        browser.get(url("/live/debtors"));
        assertThat(new LoginPage(browser, url("")).isShown()).isTrue();
        browser.get(url("/live/no/such/page")); // a stranger learns nothing about the portal's pages
        assertThat(new LoginPage(browser, url("")).isShown()).isTrue();
    }
}
