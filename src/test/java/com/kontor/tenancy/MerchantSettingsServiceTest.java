package com.kontor.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** ACC-6: an ADMIN edits the settings; bad values are refused on their field, stale forms refused, all audited. */
@IntegrationTest
class MerchantSettingsServiceTest {

    @Autowired
    MerchantSettingsService settings;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminChangesTheSettingsAndTheChangeIsAuditedWithOldAndNewValues() {
        TestUsers users = new TestUsers(jdbc);
        SettingsForm form = users.as("admin@baker.example", () -> settings.current());
        assertThat(form.getTimeZone()).isEqualTo("Europe/London");
        form.setPaymentTermDays(30);
        form.setFourEyesThreshold(new BigDecimal("250.50"));
        users.as("admin@baker.example", () -> settings.update(form));

        SettingsForm saved = users.as("admin@baker.example", () -> settings.current());
        assertThat(saved.getPaymentTermDays()).isEqualTo(30);
        assertThat(saved.getFourEyesThreshold()).isEqualByComparingTo("250.50");
        String details = jdbc.queryForObject(
                "select details from audit_event where event_type ="
                        + " 'MERCHANT_SETTINGS_CHANGED' and actor_name = 'admin@baker.example' order by id desc limit 1",
                String.class);
        assertThat(details).contains("\"paymentTermDays\":{\"old\":\"14\",\"new\":\"30\"}");

        // the form read before the change is stale now: refused, nothing overwritten
        form.setPaymentTermDays(7);
        assertThatThrownBy(() -> users.as("admin@baker.example", () -> settings.update(form)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("settings.changedMeanwhile"));
        assertThat(users.as("admin@baker.example", () -> settings.current()).getPaymentTermDays())
                .isEqualTo(30);
    }

    @Test
    void anUnknownTimeZoneOrCurrencyIsRefusedOnItsField() {
        TestUsers users = new TestUsers(jdbc);
        SettingsForm form = users.as("admin@baker.example", () -> settings.current());
        form.setTimeZone("Mars/Olympus_Mons");
        assertThatThrownBy(() -> users.as("admin@baker.example", () -> settings.update(form)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("timeZone"));
        form.setTimeZone("Europe/London");
        form.setDefaultCurrency("XAU");
        assertThatThrownBy(() -> users.as("admin@baker.example", () -> settings.update(form)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("defaultCurrency"));
    }

    @Test
    void onlyAnAdminMayReadOrChangeTheSettings() {
        TestUsers users = new TestUsers(jdbc);
        assertThatThrownBy(() -> users.as("support@baker.example", () -> settings.current()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
