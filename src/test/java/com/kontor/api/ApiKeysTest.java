package com.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.demo.DemoLogins;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PortalSummary;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** API-1: keys per portal and mode, shown once, stored hashed; a key decides merchant and mode of a request. */
@IntegrationTest
class ApiKeysTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    MerchantDirectory merchantDirectory;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private <T> T asAdminOfA(Mode mode, Supplier<T> work) {
        TestUsers users = new TestUsers(jdbc);
        Partition partition = new Partition(users.merchantId(DemoLogins.MERCHANT_A), mode);
        return users.as("admin@mueller.example", () -> TenancyScope.inPartition(partition, work));
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long marktplatz() {
        return asAdminOfA(
                Mode.TEST,
                () -> merchantDirectory.requireCurrent().portals().stream()
                        .filter(p -> p.name().equals("Marktplatz"))
                        .mapToLong(PortalSummary::id)
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void aKeyIsShownOnceStoredHashedAndDecidesPortalAndMode() throws Exception {
        CreatedApiKey created = asAdminOfA(Mode.TEST, () -> apiKeys.create(marktplatz(), "Shop integration"));
        assertThat(created.secret()).startsWith("kontor_test_").hasSizeGreaterThan(50);
        assertThat(created.key().hint()).endsWith("…").hasSize(17);
        assertThat(jdbc.queryForObject(
                        "select count(*) from api_key where key_hash = ?",
                        Long.class,
                        ApiKeys.sha256(created.secret())))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from api_key where key_hint like ? or key_hash like ?",
                        Long.class,
                        "%" + created.secret() + "%",
                        "%" + created.secret() + "%"))
                .isZero();

        HttpResponse<String> info = get("/api/v1/key", created.secret());
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body())
                .contains("\"portal\":\"Marktplatz\"")
                .contains("\"mode\":\"TEST\"")
                .contains("\"keyName\":\"Shop integration\"");
        assertThat(info.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void unknownPathsUnderTheApiAnswerAProblemNotThePortal() throws Exception {
        CreatedApiKey created = asAdminOfA(Mode.LIVE, () -> apiKeys.create(marktplatz(), "404 check"));
        HttpResponse<String> response = get("/api/v1/nothing-here", created.secret());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void aWrongOrRevokedKeyIsRefusedAsUnauthenticated() throws Exception {
        CreatedApiKey created = asAdminOfA(Mode.TEST, () -> apiKeys.create(marktplatz(), "Soon revoked"));
        assertThat(get("/api/v1/key", created.secret() + "x").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/key", null).body()).contains("\"code\":\"UNAUTHENTICATED\"");
        asAdminOfA(Mode.TEST, () -> {
            apiKeys.revoke(created.key().id());
            return null;
        });
        HttpResponse<String> revoked = get("/api/v1/key", created.secret());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'API_KEY_REVOKED'" + " and details like ?",
                        Long.class,
                        "%" + created.key().hint() + "%"))
                .isEqualTo(1);
    }

    @Test
    void keysAreListedPerModeAndManagedOnlyByAnAdmin() {
        CreatedApiKey live = asAdminOfA(Mode.LIVE, () -> apiKeys.create(marktplatz(), "Live only"));
        assertThat(asAdminOfA(Mode.LIVE, () -> apiKeys.list()))
                .extracting(ApiKeySummary::id)
                .contains(live.key().id());
        assertThat(asAdminOfA(Mode.TEST, () -> apiKeys.list()))
                .extracting(ApiKeySummary::id)
                .doesNotContain(live.key().id());
        TestUsers users = new TestUsers(jdbc);
        Partition aLive = new Partition(users.merchantId(DemoLogins.MERCHANT_A), Mode.LIVE);
        assertThatThrownBy(() -> users.as(
                        "support@mueller.example",
                        () -> TenancyScope.inPartition(aLive, () -> apiKeys.create(marktplatz(), "nope"))))
                .isInstanceOf(AccessDeniedException.class);
        // a portal of another merchant is not one of this merchant's portals
        long bakerPortal = jdbc.queryForObject(
                "select p.id from portal p join merchant m on m.id = p.merchant_id" + " where m.name = ?",
                Long.class,
                DemoLogins.MERCHANT_B);
        assertThatThrownBy(() -> asAdminOfA(Mode.LIVE, () -> apiKeys.create(bakerPortal, "foreign")))
                .hasMessageContaining("apiKey.portalUnknown");
    }

    @Test
    void theDemoPortalsHaveTheirPublishedKeys() throws Exception {
        for (DemoLogins.DemoKey key : DemoLogins.KEYS) {
            HttpResponse<String> info = get("/api/v1/key", key.secret());
            assertThat(info.statusCode()).as(key.secret()).isEqualTo(200);
            assertThat(info.body())
                    .contains("\"portal\":\"" + key.portal() + "\"")
                    .contains("\"mode\":\"" + key.mode() + "\"");
        }
    }
}
