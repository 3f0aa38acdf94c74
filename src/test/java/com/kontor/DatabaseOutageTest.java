package com.kontor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.kontor.demo.DemoLogins;
import com.kontor.embedded.EmbeddedDatabaseWatchdog;
import com.kontor.embedded.EmbeddedMariaDb;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestDatabaseEnvironmentPostProcessor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes away under load and comes back: readiness follows it within seconds, the API answers 503
 * SERVICE_UNAVAILABLE at once (with Retry-After) instead of hanging, Kontor reconnects by itself, and no payment that
 * was answered 201 is missing afterwards. Stops and kills the test JVM's embedded MariaDB, so it runs in a JVM of its
 * own (tag "outage", its own Surefire execution) and not at all against an external test database.
 */
@IntegrationTest
@Tag("outage")
class DatabaseOutageTest {

    static final String KEY = "kontor_test_demo_mueller_webshop";
    /** A key no request has used yet: its check in the API key filter has to ask the database. */
    static final String UNCACHED_KEY = "kontor_test_demo_mueller_marktplatz";
    /** What "at once" means: the pool waits 2 s for a connection; the rest is slack for a busy build machine. */
    static final Duration FAST = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedMariaDb db;
    private Load load;

    record Answer(String customerId, int status, long millis, String retryAfter, String body) {
        boolean created() {
            return status == 201;
        }
    }

    /** A few shops sending payments without pause; every answer is kept. */
    final class Load {
        final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();

        Load(int shops) {
            for (int i = 0; i < shops; i++) {
                threads.add(Thread.ofPlatform().name("shop-" + i).start(() -> {
                    while (running.get()) {
                        answers.add(createPayment());
                    }
                }));
            }
        }

        long created() {
            return answers.stream().filter(Answer::created).count();
        }

        List<Answer> stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(30));
            }
            return List.copyOf(answers);
        }
    }

    @BeforeEach
    void startLoad() {
        db = TestDatabaseEnvironmentPostProcessor.embeddedServer().orElse(null);
        assumeTrue(db != null, "stops the embedded test MariaDB; not with an external one (KONTOR_TEST_DB_URL)");
        load = new Load(4);
        await("20 payments created", Duration.ofSeconds(30), () -> load.created() >= 20);
        assertThat(readiness().statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stopLoad() throws Exception {
        if (load != null) {
            load.stop();
        }
        if (db != null && !db.isRunning()) {
            db.startServer(); // a failed assertion must not leave the database down
        }
    }

    @Test
    void whileTheDatabaseIsStoppedKontorIsNotReadyAndAnswers503AtOnceThenRecoversByItself() throws Exception {
        long created = load.created();
        db.stop();
        long stopped = System.nanoTime();
        await("readiness DOWN", Duration.ofSeconds(10), () -> readiness().statusCode() == 503);
        Duration toNotReady = Duration.ofNanos(System.nanoTime() - stopped);
        assertThat(toNotReady).as("readiness DOWN after the database stopped").isLessThan(FAST);
        assertThat(readiness().body()).contains("\"DOWN\"");
        assertThat(liveness().statusCode())
                .as("liveness: a restart would not help")
                .isEqualTo(200);

        // payments, a look-up, a payment with Idempotency-Key, a key that has to be checked in the database, a
        // provider's notification: each refused at once with a problem document that says to try again
        assertUnavailable(send(
                "POST",
                "/api/v1/payments",
                KEY,
                invoice("OUT-" + UUID.randomUUID()),
                "Content-Type",
                "application/json"));
        assertUnavailable(send("GET", "/api/v1/payments/1", KEY, null));
        assertUnavailable(send(
                "POST",
                "/api/v1/payments",
                KEY,
                invoice("OUT-" + UUID.randomUUID()),
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                UUID.randomUUID().toString()));
        assertUnavailable(send("GET", "/api/v1/payments/1", UNCACHED_KEY, null));
        assertUnavailable(send(
                "POST",
                "/notifications/payone",
                null,
                payoneNotification(),
                "Content-Type",
                "application/x-www-form-urlencoded"));

        db.startServer();
        long restarted = System.nanoTime();
        await("readiness UP again", Duration.ofSeconds(20), () -> readiness().statusCode() == 200);
        long before = load.created();
        await("a payment created again", Duration.ofSeconds(20), () -> load.created() > before);
        System.out.printf(
                "Outage: readiness DOWN %d ms after the stop, UP %d ms after the restart%n",
                toNotReady.toMillis(), (System.nanoTime() - restarted) / 1_000_000);

        List<Answer> answers = load.stop();
        assertThat(created).isPositive();
        assertNothingLostAndEveryRefusalFast(answers);
    }

    @Test
    void aKilledEmbeddedDatabaseIsStartedAgainByTheWatchdogAndNothingAnsweredCreatedIsLost() throws Exception {
        try (EmbeddedDatabaseWatchdog watchdog = EmbeddedDatabaseWatchdog.watch(db, Duration.ofMillis(500))) {
            ProcessHandle server = db.serverProcess().orElseThrow();
            server.destroyForcibly(); // kill -9: no shutdown, InnoDB recovers from its log on the next start
            server.onExit().get();
            await("the watchdog restarted the server", Duration.ofSeconds(30), () -> watchdog.restarts() == 1);
            assertThat(db.serverProcess()).isPresent().get().isNotEqualTo(server);
            await(
                    "readiness UP again",
                    Duration.ofSeconds(20),
                    () -> readiness().statusCode() == 200);
            long before = load.created();
            await("a payment created again", Duration.ofSeconds(20), () -> load.created() > before);
        }
        assertNothingLostAndEveryRefusalFast(load.stop());
    }

    private void assertNothingLostAndEveryRefusalFast(List<Answer> answers) throws Exception {
        Map<Integer, Long> byStatus =
                answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        System.out.println("Outage: answers by status " + byStatus);
        assertThat(byStatus.keySet())
                .as("only created or unavailable, never 500")
                .isSubsetOf(201, 503);
        for (Answer refused : answers.stream().filter(a -> a.status() == 503).toList()) {
            assertThat(refused.retryAfter()).isEqualTo("5");
            assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(Duration.ofMillis(refused.millis())).isLessThan(FAST);
        }
        for (Answer created : answers.stream().filter(Answer::created).toList()) {
            long txid = JSON.readTree(created.body()).path("txid").asLong();
            HttpResponse<String> found = send("GET", "/api/v1/payments/" + txid, KEY, null);
            assertThat(found.statusCode())
                    .as("payment %s answered 201", created.customerId())
                    .isEqualTo(200);
            JsonNode payment = JSON.readTree(found.body());
            assertThat(payment.path("customerId").asString()).isEqualTo(created.customerId());
        }
    }

    private void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asString()).contains("try again");
    }

    private Answer createPayment() {
        String customerId = "OUT-" + UUID.randomUUID().toString().substring(0, 13);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response =
                    send("POST", "/api/v1/payments", KEY, invoice(customerId), "Content-Type", "application/json");
            return new Answer(
                    customerId,
                    response.statusCode(),
                    (System.nanoTime() - start) / 1_000_000,
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        } catch (Exception e) {
            return new Answer(customerId, -1, (System.nanoTime() - start) / 1_000_000, null, e.toString());
        }
    }

    private static String invoice(String customerId) {
        return """
                {"type": "authorization", "customerId": "%s", "reference": "ORD-%s",
                 "amount": {"value": 1999, "currency": "EUR"}, "paymentMethod": "INVOICE",
                 "debtor": {"lastName": "Ausfall", "city": "Hamburg", "country": "DE"}}""".formatted(customerId, customerId);
    }

    private static String payoneNotification() throws Exception {
        String key = HexFormat.of()
                .formatHex(MessageDigest.getInstance("MD5")
                        .digest(DemoLogins.PAYONE_KEY.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> fields = Map.of(
                "key", key,
                "txaction", "paid",
                "portalid", DemoLogins.PAYONE_PORTAL_ID,
                "mode", "test",
                "txid", "sim-1",
                "sequencenumber", "0",
                "price", "19.99",
                "receivable", "19.99",
                "balance", "0.00",
                "currency", "EUR");
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> readiness() {
        return send("GET", "/actuator/health/readiness", null, null);
    }

    private HttpResponse<String> liveness() {
        return send("GET", "/actuator/health/liveness", null, null);
    }

    private HttpResponse<String> send(String method, String path, String key, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(40))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (path.startsWith("/api/") || path.startsWith("/notifications/")) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (response.statusCode() == 503) {
                    assertThat(took).as("503 for %s %s", method, path).isLessThan(FAST);
                }
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not so within " + limit + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
