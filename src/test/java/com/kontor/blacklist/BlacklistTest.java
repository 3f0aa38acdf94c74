package com.kontor.blacklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.demo.DemoLogins;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** BL-1, BL-2, BL-4: entries by fingerprint, shown masked, normalised matching, expiry, per merchant and mode. */
@IntegrationTest
class BlacklistTest {

    @LocalServerPort
    int port;

    @Autowired
    Blacklist blacklist;

    @Autowired
    JdbcTemplate jdbc;

    private <T> T as(String email, Mode mode, Supplier<T> work) {
        TestUsers users = new TestUsers(jdbc);
        Partition partition = new Partition(users.merchantId(DemoLogins.MERCHANT_A), mode);
        return users.as(email, () -> TenancyScope.inPartition(partition, work));
    }

    @Test
    void valuesAreStoredAsFingerprintsShownMaskedAndMatchedNormalised() {
        String email = "Fraud." + UUID.randomUUID().toString().substring(0, 6) + "@Example.com";
        BlacklistEntrySummary entry = as(
                "support@mueller.example",
                Mode.LIVE,
                () -> blacklist.add(BlacklistKind.EMAIL, "  " + email + " ", null));
        assertThat(entry.masked()).startsWith("f***@").doesNotContain("raud");
        assertThat(jdbc.queryForObject(
                        "select count(*) from blacklist_entry where masked like ? or fingerprint like ?",
                        Long.class,
                        "%" + email.toLowerCase() + "%",
                        "%" + email.toLowerCase() + "%"))
                .isZero();
        assertThat(as(
                        "support@mueller.example",
                        Mode.LIVE,
                        () -> blacklist.isBlacklisted(BlacklistKind.EMAIL, email.toUpperCase())))
                .isTrue();
        assertThat(as("support@mueller.example", Mode.TEST, () -> blacklist.isBlacklisted(BlacklistKind.EMAIL, email)))
                .isFalse(); // other mode
        assertThat(as(
                        "support@mueller.example",
                        Mode.LIVE,
                        () -> blacklist.isBlacklisted(BlacklistKind.EMAIL, "someone.else@example.com")))
                .isFalse();
    }

    @Test
    void anIbanMatchesWithAndWithoutSpacesAndAnInvalidOneIsRefused() {
        as(
                "admin@mueller.example",
                Mode.LIVE,
                () -> blacklist.add(
                        BlacklistKind.IBAN,
                        "GB82 WEST 1234 5698 7654 32",
                        LocalDate.now().plusDays(30)));
        assertThat(as(
                        "admin@mueller.example",
                        Mode.LIVE,
                        () -> blacklist.isBlacklisted(BlacklistKind.IBAN, "gb82west12345698765432")))
                .isTrue();
        assertThatThrownBy(() -> as(
                        "admin@mueller.example", Mode.LIVE, () -> blacklist.add(BlacklistKind.IBAN, "DE00 1234", null)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("value"));
    }

    @Test
    void anExpiredEntryNoLongerBlocksAndIsRemovedWithAnAuditRecord() {
        String token = "tok_" + UUID.randomUUID();
        BlacklistEntrySummary entry = as(
                "support@mueller.example",
                Mode.TEST,
                () -> blacklist.add(
                        BlacklistKind.CARD_TOKEN, token, LocalDate.now().plusDays(1)));
        jdbc.update(
                "update blacklist_entry set expires_on = ? where id = ?",
                LocalDate.now().minusDays(2),
                entry.id());
        assertThat(as(
                        "support@mueller.example",
                        Mode.TEST,
                        () -> blacklist.isBlacklisted(BlacklistKind.CARD_TOKEN, token)))
                .isFalse();
        as("support@mueller.example", Mode.TEST, () -> {
            blacklist.remove(entry.id());
            return null;
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type ="
                                + " 'BLACKLIST_ENTRY_REMOVED' and details like ?",
                        Long.class,
                        "%" + entry.masked() + "%"))
                .isEqualTo(1);
    }

    @Test
    void onlySupportAndAdminOfAMerchantWithTheRiskModuleManageTheBlacklist() {
        assertThatThrownBy(() -> as(
                        "finance@mueller.example",
                        Mode.LIVE,
                        () -> blacklist.add(BlacklistKind.EMAIL, "x@example.com", null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theShopChecksValuesThroughTheApi() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/blacklist/check"))
                                .header("Authorization", "Bearer kontor_test_demo_mueller_webshop")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \" BLOCKED@example.com\","
                                        + " \"iban\": \"DE02120300000000202051\", \"cardToken\": \"tok_fine\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"email\":true,\"iban\":true,\"cardToken\":false}");

        HttpResponse<String> live = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/blacklist/check"))
                                .header("Authorization", "Bearer kontor_live_demo_mueller_webshop")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"blocked@example.com\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(live.body()).isEqualTo("{\"email\":false}"); // the demo entries are in test mode only
    }
}
