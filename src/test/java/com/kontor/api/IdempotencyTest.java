package com.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** API-3: an Idempotency-Key makes a request take effect once, also when repeated at the same moment. */
@IntegrationTest
class IdempotencyTest {

    static final String KEY = "kontor_test_demo_mueller_marktplatz";
    static final String OTHER_KEY = "kontor_test_demo_mueller_webshop";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdempotencyStore store;

    private final HttpClient http = HttpClient.newHttpClient();
    private String customerId;
    private String idempotencyKey;

    @BeforeEach
    void fresh() {
        customerId = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        idempotencyKey = UUID.randomUUID().toString();
    }

    private HttpResponse<String> put(String apiKey, String idemKey, String city) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/debtors/" + customerId))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idemKey)
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"lastName\": \"Idem\", \"city\": \"" + city + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long audited(String type) {
        return jdbc.queryForObject(
                "select count(*) from audit_event a join debtor d on d.debtor_number ="
                        + " a.debtor_number where d.customer_id = ? and a.event_type = ?",
                Long.class,
                customerId,
                type);
    }

    @Test
    void aClaimIsAbandonedAndRecordsAreForgottenByTheDatabasesClock() {
        long apiKey = jdbc.queryForObject("select min(id) from api_key", Long.class);
        String fresh = "fresh-" + UUID.randomUUID();
        String stale = "stale-" + UUID.randomUUID();
        String old = "old-" + UUID.randomUUID();
        assertThat(store.claim(apiKey, fresh, "h")).isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim(apiKey, stale, "h")).isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim(apiKey, old, "h")).isInstanceOf(IdempotencyStore.Claimed.class);
        jdbc.update(
                "update idempotency_record set created_at = utc_timestamp(6) - interval 6 minute"
                        + " where idempotency_key = ?",
                stale);
        jdbc.update(
                "update idempotency_record set created_at = utc_timestamp(6) - interval 26 hour"
                        + " where idempotency_key = ?",
                old);

        // a claim of a few seconds ago is running somewhere; one of six minutes ago was left by a crashed request
        assertThat(store.claim(apiKey, fresh, "h")).isInstanceOf(IdempotencyStore.InProgress.class);
        assertThat(store.claim(apiKey, stale, "h")).isInstanceOf(IdempotencyStore.Claimed.class);

        assertThat(store.forget()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select idempotency_key from idempotency_record where idempotency_key in (?, ?, ?)",
                        String.class,
                        fresh,
                        stale,
                        old))
                .containsExactlyInAnyOrder(fresh, stale);
    }

    @Test
    void aRepeatReturnsTheFirstResponseAndDoesNothingElse() throws Exception {
        HttpResponse<String> first = put(KEY, idempotencyKey, "Berlin");
        HttpResponse<String> repeat = put(KEY, idempotencyKey, "Berlin");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201); // without the key a second PUT would answer 200
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(audited("DEBTOR_CREATED")).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedAndChangesNothing() throws Exception {
        assertThat(put(KEY, idempotencyKey, "Berlin").statusCode()).isEqualTo(201);
        HttpResponse<String> reused = put(KEY, idempotencyKey, "Hamburg");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("\"code\":\"IDEMPOTENCY_KEY_REUSED\"");
        assertThat(jdbc.queryForObject("select city from debtor where customer_id = ?", String.class, customerId))
                .isEqualTo("Berlin");
    }

    @Test
    void idempotencyKeysBelongToTheirApiKey() throws Exception {
        assertThat(put(KEY, idempotencyKey, "Berlin").statusCode()).isEqualTo(201);
        // the same Idempotency-Key under another API key is a request of its own (another portal, same mode)
        HttpResponse<String> other = put(OTHER_KEY, idempotencyKey, "Bonn");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void concurrentRequestsWithOneKeyTakeEffectOnce() throws Exception {
        int parallel = 8;
        CyclicBarrier start = new CyclicBarrier(parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return put(KEY, idempotencyKey, "Berlin");
                }));
            }
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> r = response.get();
                assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
                if (r.statusCode() == 409) {
                    assertThat(r.body()).contains("\"code\":\"IDEMPOTENCY_IN_PROGRESS\"");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(audited("DEBTOR_CREATED")).isEqualTo(1);
        assertThat(audited("DEBTOR_CHANGED")).isZero();
    }
}
