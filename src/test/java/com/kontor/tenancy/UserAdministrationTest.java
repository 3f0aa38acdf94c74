package com.kontor.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.tenancy.internal.LoginThrottle;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** ACC-2 and ACC-4 on a fresh merchant: user administration rules, login, audit. */
@IntegrationTest
class UserAdministrationTest {

    static final String PASSWORD = "long enough passphrase";

    @Autowired
    LoginThrottle loginThrottle;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    UserAdministration administration;

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    @Autowired
    JdbcTemplate jdbc;

    TestUsers users;
    String domain;
    String admin;

    @BeforeEach
    void freshMerchantWithOneAdmin() {
        users = new TestUsers(jdbc);
        domain = UUID.randomUUID().toString().substring(0, 8) + ".example";
        admin = "admin@" + domain;
        NewMerchant merchant = new NewMerchant();
        merchant.setName("Merchant " + domain);
        merchant.setFirstPortalName("Shop");
        merchant.setAdminEmail(admin);
        merchant.setAdminName("First Admin");
        merchant.setAdminInitialPassword(PASSWORD);
        SystemScope.run("test", () -> platform.createMerchant(merchant, false));
    }

    private NewUser newUser(String local, Role... roles) {
        NewUser form = new NewUser();
        form.setEmail("  " + local.toUpperCase() + "@" + domain + " ");
        form.setDisplayName(local);
        form.setRoles(EnumSet.of(roles[0], roles));
        form.setApprovalLimit(new BigDecimal("250.00"));
        form.setInitialPassword(PASSWORD);
        return form;
    }

    @Test
    void aCreatedUserMustChangeThePasswordAndTheCreationIsAudited() {
        UserSummary created = users.as(admin, () -> administration.create(newUser("finance", Role.FINANCE)));
        assertThat(created.email()).isEqualTo("finance@" + domain);
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(created.approvalLimit().minor()).isEqualTo(25000);
        String hash = jdbc.queryForObject(
                "select password_hash from app_user where email = ?", String.class, created.email());
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'USER_CREATED'"
                                + " and details like ? and actor_name = ?",
                        Long.class,
                        "%finance@" + domain + "%",
                        admin))
                .isEqualTo(1);
    }

    @Test
    void aWeakInitialPasswordIsRefusedOnItsFieldAndNothingIsSaved() {
        NewUser form = newUser("weak", Role.SUPPORT);
        form.setInitialPassword("password1234");
        assertThatThrownBy(() -> users.as(admin, () -> administration.create(form)))
                .isInstanceOfSatisfying(OperationRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("initialPassword");
                    assertThat(e.messageKey()).isEqualTo("password.common");
                });
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Long.class, "weak@" + domain))
                .isZero();
    }

    @Test
    void loginNamesAreUniqueAcrossMerchants() {
        NewUser form = newUser("x", Role.SUPPORT);
        form.setEmail("support@baker.example");
        assertThatThrownBy(() -> users.as(admin, () -> administration.create(form)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void nobodyChangesTheirOwnRolesLimitOrLock() {
        long self = users.principal(admin).userId();
        assertThatThrownBy(() -> users.as(
                        admin,
                        () -> administration.updateAccess(self, Set.of(Role.ADMIN, Role.FINANCE), BigDecimal.TEN)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("user.notYourself"));
        assertThatThrownBy(() -> users.as(admin, () -> administration.setLocked(self, true)))
                .isInstanceOf(OperationRefused.class);
        assertThat(users.principal(admin).roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void rolesAndLimitChangesAreAuditedWithOldAndNewValues() {
        UserSummary user = users.as(admin, () -> administration.create(newUser("sam", Role.SUPPORT)));
        users.as(
                admin,
                () -> administration.updateAccess(
                        user.id(), Set.of(Role.SUPPORT, Role.FINANCE), new BigDecimal("1000")));
        String details = jdbc.queryForObject(
                "select details from audit_event where event_type = " + "'USER_ROLES_CHANGED' and details like ?",
                String.class,
                "%sam@" + domain + "%");
        assertThat(details).contains("\"old\":[\"SUPPORT\"]").contains("\"new\":[\"FINANCE\",\"SUPPORT\"]");
        String limit = jdbc.queryForObject(
                "select details from audit_event where event_type = "
                        + "'USER_APPROVAL_LIMIT_CHANGED' and details like ?",
                String.class,
                "%sam@" + domain + "%");
        assertThat(limit).contains("\"old\":\"250.00 EUR\"").contains("\"new\":\"1000.00 EUR\"");
    }

    @Test
    void twoAdminsDemotingEachOtherAtTheSameMomentLeaveOneAdmin() throws Exception {
        UserSummary second = users.as(admin, () -> administration.create(newUser("second", Role.ADMIN)));
        long first = users.principal(admin).userId();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            results.add(pool.submit(() -> demote(admin, second.id(), start)));
            results.add(pool.submit(() -> demote(second.email(), first, start)));
            int succeeded = 0;
            for (Future<Boolean> r : results) {
                succeeded += r.get() ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Long admins = jdbc.queryForObject(
                "select count(*) from app_user u join user_role r on r.user_id = u.id"
                        + " where r.role = 'ADMIN' and u.email like ?",
                Long.class,
                "%@" + domain);
        assertThat(admins).isEqualTo(1);
    }

    private boolean demote(String actor, long target, CyclicBarrier start) throws Exception {
        start.await();
        try {
            users.as(actor, () -> administration.updateAccess(target, Set.of(Role.SUPPORT), BigDecimal.ZERO));
            return true;
        } catch (OperationRefused | org.springframework.security.access.AccessDeniedException e) {
            return false;
        }
    }

    @Test
    void aLockedUserCannotLogInAndEveryAttemptIsAudited() throws Exception {
        UserSummary user = users.as(admin, () -> administration.create(newUser("locky", Role.SUPPORT)));
        AuthenticationManager manager = authenticationConfiguration.getAuthenticationManager();
        Authentication ok =
                manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(" Locky@" + domain, PASSWORD));
        assertThat(((KontorUser) ok.getPrincipal()).email()).isEqualTo(user.email());

        users.as(admin, () -> administration.setLocked(user.id(), true));
        assertThatThrownBy(() -> manager.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(user.email(), PASSWORD)))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> manager.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(admin, "wrong password here")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'LOGIN'" + " and actor_name = ?",
                        Long.class,
                        user.email()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'LOGIN_FAILED'"
                                + " and actor_name in (?, ?)",
                        Long.class,
                        user.email(),
                        admin))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'USER_LOCKED'" + " and details like ?",
                        Long.class,
                        "%" + user.email() + "%"))
                .isEqualTo(1);
    }

    @Test
    void repeatedFailuresDelayTheNameEvenForTheRightPasswordButOnlyBriefly() throws Exception {
        UserSummary user = users.as(admin, () -> administration.create(newUser("guessed", Role.SUPPORT)));
        AuthenticationManager manager = authenticationConfiguration.getAuthenticationManager();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> manager.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated(user.email(), "a wrong guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // within the delay even the right password is refused, with the same answer as a wrong one
        assertThatThrownBy(() -> manager.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(user.email(), PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        // the delay after the first failure beyond the free ones is 1 s: wait until it is over, not a guessed time
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> loginThrottle.waitFor(user.email(), null).isZero());
        assertThat(manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.email(), PASSWORD))
                        .isAuthenticated())
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'LOGIN_FAILED'"
                                + " and actor_name = ? and details like '%throttled%'",
                        Long.class, user.email()))
                .isEqualTo(1);
    }
}
