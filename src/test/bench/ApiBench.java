import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load benchmark of Kontor's machine interfaces on loopback (issue 5, item 10), run against a started Kontor:
 *
 *   java src/test/bench/ApiBench.java payments http://localhost:8080 [clients] [seconds]
 *   java src/test/bench/ApiBench.java notifications http://localhost:8080 [clients] [seconds]
 *
 * payments: POST /api/v1/payments with distinct Idempotency-Keys; half new debtors with inline master data and
 * direct debit with an IBAN, half invoice or card token for existing debtors (created before the run). Everything
 * Kontor does on that path is on: audit, history, blacklist check, idempotency record, provider call (simulator).
 * notifications: PAYONE-style form POSTs, distinct (txid, sequencenumber); 10 % are sent twice, and the stored rows
 * are counted afterwards by the caller (src/test/bench/api.sh) to prove exactly once.
 * Prints requests per second and latency percentiles; a warm-up of 5 s is not counted.
 */
public class ApiBench {

    static final String KEY = "kontor_test_demo_mueller_webshop";
    static final String PAYONE_PORTAL = "2030968";
    static final String PAYONE_KEY = "demo-payone-key";

    public static void main(String[] args) throws Exception {
        String what = args[0];
        String base = args[1];
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<String> existing = new ArrayList<>();
        if (what.startsWith("payments") || what.equals("invoices")) {
            for (int i = 0; i < 500; i++) {
                String id = "BX" + run + "-" + i;
                send(
                        http,
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/debtors/" + id))
                                .header("Authorization", "Bearer " + KEY)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(debtor(i)))
                                .build(),
                        200,
                        201);
                existing.add(id);
            }
        }
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger duplicatesSent = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread.ofPlatform().start(() -> {
                Random random = new Random(client);
                while (!stop.get()) {
                    int n = sequence.incrementAndGet();
                    HttpRequest request = switch (what) {
                        case "payments" -> payment(base, run, n, random, existing);
                        case "invoices" -> payment(base, run, 4 * n + 1, random, existing); // the cheapest path
                        case "notifications" -> notification(base, run, n);
                        default ->
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/key")) // the baseline
                                    .header("Authorization", "Bearer " + KEY)
                                    .build();
                    };
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - start;
                    if (measuring.get()) {
                        latencies.add(took);
                        statuses.computeIfAbsent(status, s -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    if (what.equals("notifications") && n % 10 == 0) {
                        try {
                            http.send(notification(base, run, n), HttpResponse.BodyHandlers.discarding());
                            duplicatesSent.incrementAndGet();
                        } catch (Exception ignored) {
                            // counted by the stored rows
                        }
                    }
                }
                done.countDown();
            });
        }
        Thread.sleep(5_000);
        latencies.clear();
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        done.await();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "%s: %d clients, %.1f s measured, %d requests, %.0f per second%n",
                what, clients, elapsed, sorted.size(), sorted.size() / elapsed);
        System.out.printf(
                "latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
        System.out.println("answers: " + statuses);
        if (what.equals("notifications")) {
            System.out.println("run " + run + ": distinct notifications sent " + sequence.get() + ", repeats sent "
                    + duplicatesSent.get());
        }
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    static String debtor(int i) {
        return """
                {"salutation": "Frau", "firstName": "Bench%d", "lastName": "Schröder", "street": "Lindenweg %d",
                 "postcode": "20095", "city": "Hamburg", "country": "DE", "email": "bench%d@example.org"}""".formatted(i, i % 200 + 1, i);
    }

    static HttpRequest payment(String base, String run, int n, Random random, List<String> existing) {
        long amount = 1000 + random.nextInt(190) * 100L + random.nextInt(50); // never ends in 51..55 (simulator)
        String body;
        if (n % 2 == 0) {
            body = """
                    {"type": "authorization", "customerId": "BN%s-%d", "reference": "ORD-%d",
                     "amount": {"value": %d, "currency": "EUR"}, "paymentMethod": "DIRECT_DEBIT",
                     "bankAccount": {"holder": "Bench %d", "iban": "%s"}, "debtor": %s}""".formatted(run, n, n, amount, n, iban(random), debtor(n));
        } else if (n % 4 == 1) {
            body = """
                    {"type": "authorization", "customerId": "%s", "reference": "ORD-%d",
                     "amount": {"value": %d, "currency": "EUR"}, "paymentMethod": "INVOICE"}""".formatted(existing.get(random.nextInt(existing.size())), n, amount);
        } else {
            int who = random.nextInt(existing.size());
            body = """
                    {"type": "authorization", "customerId": "%s", "reference": "ORD-%d",
                     "amount": {"value": %d, "currency": "EUR"}, "paymentMethod": "CARD",
                     "card": {"token": "tok_bench_%d", "brand": "VISA", "last4": "4242", "expiryMonth": 12,
                              "expiryYear": 2029}}""".formatted(existing.get(who), n, amount, who);
        }
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/payments"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static HttpRequest notification(String base, String run, int n) {
        String form = "key=" + md5(PAYONE_KEY) + "&txaction=paid&portalid=" + PAYONE_PORTAL + "&mode=test&txid=bench-"
                + run + "-" + (n / 4) + "&sequencenumber=" + (n % 4) + "&price=10.00&receivable=10.00&balance=0.00"
                + "&currency=EUR&clearingtype=rec&reference=" + URLEncoder.encode("ORD " + n, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + "/notifications/payone"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    /** A valid German IBAN (ISO 13616 check digits) with a random account number. */
    static String iban(Random random) {
        String bban = "37040044" + String.format("%010d", random.nextLong(10_000_000_000L));
        int check =
                98 - new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue();
        return "DE" + String.format("%02d", check) + bban;
    }

    static String md5(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(HttpClient http, HttpRequest request, int... ok) throws Exception {
        int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        for (int s : ok) {
            if (s == status) {
                return;
            }
        }
        throw new IllegalStateException(request.uri() + " answered " + status);
    }
}
