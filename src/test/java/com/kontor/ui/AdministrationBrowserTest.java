package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.tenancy.NewUser;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.UserAdministration;
import com.kontor.tenancy.UserSummary;
import com.kontor.testsupport.BrowserTest;
import com.kontor.testsupport.TestUsers;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.ChangePasswordPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.UserAdminPage;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** ACC-2, ACC-4: an ADMIN creates a user, who logs in, must change the password, and then works. */
class AdministrationBrowserTest extends BrowserTest {

    @Autowired
    UserAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminCreatesAUserWhoCanThenLogIn() {
        String email = "new-" + UUID.randomUUID().toString().substring(0, 6) + "@mueller.example";
        UserAdminPage admin = openUserAdministrationAsAdmin();
        admin.startNewUser();

        admin.fillNewUser(email, "Nina Neu", "Finance", "150", "password1234");
        admin.save();
        assertThat(admin.fieldError("user-password")).contains("attackers");
        assertThat(admin.dialogOpen()).isTrue();

        admin.retypePassword("a quiet harbour at dusk");
        admin.save();
        assertThat(admin.dialogCloses()).isTrue();
        assertThat(admin.gridCells("user-grid")).contains(email, "Nina Neu", "Must change password");
        admin.logout();

        LoginPage.open(browser, url("")).submit(email, "a quiet harbour at dusk");
        ChangePasswordPage change = new ChangePasswordPage(browser, url(""));
        AppPage newcomer = change.change("a quiet harbour at dusk", "seven green lanterns glow");
        newcomer.waitForPath("/live/debtors");
        assertThat(newcomer.userName()).isEqualTo("Nina Neu");
        assertThat(newcomer.merchantName()).isEqualTo(DemoLogins.MERCHANT_A);
        assertThat(newcomer.menu()).contains("Approvals", "Audit log").doesNotContain("Administration");
    }

    @Test
    void aUserWhoMustChangeThePasswordCannotReachAnyOtherView() {
        String email = "forced-" + UUID.randomUUID().toString().substring(0, 6) + "@mueller.example";
        UserAdminPage admin = openUserAdministrationAsAdmin();
        admin.startNewUser();
        admin.fillNewUser(email, "Forced Franz", "Support", "0", "temporary passphrase one");
        admin.save();
        admin.logout();

        LoginPage.open(browser, url("")).submit(email, "temporary passphrase one");
        new ChangePasswordPage(browser, url(""));
        browser.get(url("/live/debtors"));
        new ChangePasswordPage(browser, url("")); // still the password change
        assertThat(browser.findElements(org.openqa.selenium.By.id("search-grid")))
                .isEmpty();
    }

    @Test
    void aUserLockedWhileLoggedInIsLoggedOutAtTheNextStep() {
        String email = "locked-" + UUID.randomUUID().toString().substring(0, 6) + "@mueller.example";
        NewUser form = new NewUser();
        form.setEmail(email);
        form.setDisplayName("Lena Locked");
        form.setRoles(EnumSet.of(Role.SUPPORT));
        form.setInitialPassword("a passphrase for lena");
        TestUsers users = new TestUsers(jdbc);
        UserSummary user = users.as("admin@mueller.example", () -> administration.create(form));
        jdbc.update("update app_user set must_change_password = false where id = ?", user.id());

        AppPage app = LoginPage.open(browser, url("")).loginAs(email, "a passphrase for lena");
        app.waitForPath("/live/debtors");
        users.as("admin@mueller.example", () -> administration.setLocked(user.id(), true));

        app.openMenu("Audit log");
        assertThat(new LoginPage(browser, url("")).isShown()).isTrue();
        assertThat(browser.findElements(org.openqa.selenium.By.id("audit-grid")))
                .isEmpty();
    }

    @Test
    void aMistypedEmailOfANewUserIsExplainedNextToTheFieldInEnglishAndGerman() {
        UserAdminPage admin = openUserAdministrationAsAdmin();
        admin.startNewUser();
        admin.fillNewUser("nina.neu(at)mueller", "Nina Neu", "Finance", "150", "a quiet harbour at dusk");
        admin.save();
        assertThat(admin.fieldError("user-email")).isEqualTo("Enter an email address such as name@example.com.");
        assertThat(admin.dialogOpen()).isTrue();

        admin.go("/live/admin/users");
        admin.chooseLanguage("DE");
        admin = new UserAdminPage(browser, url(""));
        admin.startNewUser();
        admin.fillNewUser("nina.neu(at)mueller", "Nina Neu", "Finanzen", "150", "a quiet harbour at dusk");
        admin.save();
        assertThat(admin.fieldError("user-email")).isEqualTo("Geben Sie eine E-Mail-Adresse wie name@example.com ein.");
        admin.go("/live/debtors");
        admin.chooseLanguage("EN");
    }

    private UserAdminPage openUserAdministrationAsAdmin() {
        AppPage app = LoginPage.open(browser, url("")).loginAs("admin@mueller.example", DemoLogins.PASSWORD);
        app.openMenu("Administration");
        return new UserAdminPage(browser, url(""));
    }
}
