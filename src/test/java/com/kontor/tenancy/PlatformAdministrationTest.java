package com.kontor.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** ACC-1, ACC-5: the operator's merchants, portals and modules; nobody else may do it. */
@IntegrationTest
class PlatformAdministrationTest {

    @Autowired
    PlatformAdministration platform;

    @Autowired
    MerchantDirectory merchantDirectory;

    @Autowired
    AccountService accountService;

    @Autowired
    UserAdministration userAdministration;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theOperatorCreatesAMerchantWithPortalsAndModulesWhoseAdminSeesOnlyIt() {
        TestUsers users = new TestUsers(jdbc);
        String name = "Merchant " + UUID.randomUUID().toString().substring(0, 8);
        NewMerchant form = new NewMerchant();
        form.setName(name);
        form.setFirstPortalName("Shop");
        form.setAdminEmail("first-admin@" + name.substring(9) + ".example");
        form.setAdminName("First Admin");
        form.setAdminInitialPassword("first admin passphrase");
        MerchantOverview created = users.as("operator@kontor.example", () -> platform.createMerchant(form));
        users.as("operator@kontor.example", () -> {
            platform.createPortal(created.id(), "Outlet");
            platform.bookModules(created.id(), EnumSet.of(BookedModule.RISK, BookedModule.DOCUMENTS));
        });

        assertThat(users.as("operator@kontor.example", () -> platform.merchants()))
                .filteredOn(m -> m.id() == created.id())
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.portals()).containsExactlyInAnyOrder("Shop", "Outlet");
                    assertThat(m.modules()).containsExactlyInAnyOrder(BookedModule.RISK, BookedModule.DOCUMENTS);
                });
        MerchantSummary seenByAdmin = users.as(form.getAdminEmail(), () -> merchantDirectory.requireCurrent());
        assertThat(seenByAdmin.name()).isEqualTo(name);
        assertThat(seenByAdmin.hasModule(BookedModule.DUNNING)).isFalse();
        assertThat(users.principal(form.getAdminEmail()).mustChangePassword()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select details from audit_event where event_type ="
                                + " 'MERCHANT_MODULES_CHANGED' and merchant_id = ?",
                        String.class,
                        created.id()))
                .contains("\"new\":[\"DOCUMENTS\",\"RISK\"]");
    }

    @Test
    void merchantUsersCannotDoTheOperatorsWork() {
        TestUsers users = new TestUsers(jdbc);
        long merchantB = users.merchantId(DemoLogins.MERCHANT_B);
        assertThatThrownBy(() -> users.as(
                        "admin@mueller.example",
                        () -> platform.bookModules(merchantB, EnumSet.allOf(BookedModule.class))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.as("admin@mueller.example", () -> platform.merchants()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aLockedUsersOpenSessionIsNoLongerValid() {
        TestUsers users = new TestUsers(jdbc);
        String email = "session-" + UUID.randomUUID().toString().substring(0, 6) + "@mueller.example";
        NewUser form = new NewUser();
        form.setEmail(email);
        form.setDisplayName("Session Sam");
        form.setRoles(EnumSet.of(Role.SUPPORT));
        form.setInitialPassword("a passphrase for sam");
        UserSummary user = users.as("admin@mueller.example", () -> userAdministration.create(form));
        KontorUser loggedIn = users.principal(email);
        assertThat(TestUsers.as(loggedIn, () -> accountService.sessionStillValid(loggedIn)))
                .isTrue();

        users.as("admin@mueller.example", () -> userAdministration.setLocked(user.id(), true));
        assertThat(TestUsers.as(loggedIn, () -> accountService.sessionStillValid(loggedIn)))
                .isFalse();
    }
}
