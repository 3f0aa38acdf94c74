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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster test's checks (issue 19, item 9), run by src/test/cluster/cluster-test.sh against two started Kontor
 * servers, each writing to its own Galera node:
 *
 *   java src/test/cluster/ClusterCheck.java http://localhost:18091 http://localhost:18092 "kill command" [load seconds]
 *
 * 1. payments alternating between the servers, each found on the other; 2. idempotency-key pairs sent to both at
 * once make one process each; 3. 30 concurrent refunds across both never refund more than was paid; 4. PAYONE
 * notifications sent to both at once are booked exactly once; 5. under load, the kill command stops one Galera node
 * (the first server's): every payment answered 201 is found afterwards and both servers carry on. Prints PASS or FAIL
 * per check and the load's figures; exits 1 when any check failed.
 */
public class ClusterCheck {

    static final String KEY = "kontor_test_demo_mueller_webshop";
    static final String PAYONE_PORTAL = "2030968";
    static final String PAYONE_KEY = "demo-payone-key";
    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    static final String RUN = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
    static final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    record Answer(int status, String body) {
        long number(String field) {
            Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        long amount(String field) {
            Matcher m = Pattern.compile("\"" + field + "\":\\{\"value\":(\\d+)").matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        String text(String field) {
            Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    public static void main(String[] args) throws Exception {
        String a = args[0];
        String b = args[1];
        String kill = args[2];
        int loadSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        long started = System.nanoTime();
        alternating(a, b);
        idempotencyPairs(a, b);
        concurrentRefunds(a, b);
        notifications(a, b);
        nodeKilledUnderLoad(a, b, kill, loadSeconds);
        System.out.printf("checks took %.0f s%n", (System.nanoTime() - started) / 1e9);
        if (!failures.isEmpty()) {
            System.out.println("FAILED: " + failures);
            System.exit(1);
        }
        System.out.println("ALL CHECKS PASSED");
    }

    static void check(String name, boolean ok, String detail) {
        System.out.println((ok ? "PASS " : "FAIL ") + name + ": " + detail);
        if (!ok) {
            failures.add(name);
        }
    }

    // 1 -------------------------------------------------------------------------------------------------------------
    static void alternating(String a, String b) throws Exception {
        int n = 200;
        Map<Long, Long> amounts = new ConcurrentHashMap<>();
        List<Integer> other = Collections.synchronizedList(new ArrayList<>());
        parallel(8, n, i -> {
            String on = i % 2 == 0 ? a : b;
            long amount = amount(i);
            Answer created = postAsAShop(on, "/api/v1/payments", UUID.randomUUID().toString(), payment(i, amount, i % 3 == 0));
            if (created.status() != 201) {
                other.add(created.status());
                System.out.println("  payment answered " + created.status() + ": " + created.body());
                return;
            }
            amounts.put(created.number("txid"), amount);
        });
        int found = 0;
        int i = 0;
        for (Map.Entry<Long, Long> e : amounts.entrySet()) {
            // each payment read on the server that did not create it (or, for an even split, on both)
            Answer got = get(i++ % 2 == 0 ? b : a, "/api/v1/payments/" + e.getKey());
            if (got.status() == 200 && got.amount("amount") == e.getValue()) {
                found++;
            }
        }
        check("payments alternating between servers", amounts.size() == n && found == n,
                n + " sent, " + amounts.size() + " answered 201 (others: " + other + "), " + found
                        + " found with their amount on the other server");
    }

    // 2 -------------------------------------------------------------------------------------------------------------
    static void idempotencyPairs(String a, String b) throws Exception {
        int pairs = 50;
        AtomicInteger oneProcess = new AtomicInteger();
        List<String> bad = Collections.synchronizedList(new ArrayList<>());
        parallel(4, pairs, i -> {
            String key = "pair-" + RUN + "-" + i;
            String body = payment(10_000 + i, amount(i), false);
            Future<Answer> onA = POOL.submit(() -> post(a, "/api/v1/payments", key, body));
            Future<Answer> onB = POOL.submit(() -> post(b, "/api/v1/payments", key, body));
            Set<Long> txids = ConcurrentHashMap.newKeySet();
            for (Answer answer : List.of(onA.get(), onB.get())) {
                if (answer.status() == 201 || answer.status() == 200) {
                    txids.add(answer.number("txid"));
                } else if (answer.status() != 409) {
                    bad.add(i + ": " + answer.status() + " " + answer.body());
                }
            }
            // whatever the two answered at once, the key asked again later answers the one process
            Answer again = post(i % 2 == 0 ? a : b, "/api/v1/payments", key, body);
            if (again.status() == 201 || again.status() == 200) {
                txids.add(again.number("txid"));
            }
            if (txids.size() == 1) {
                oneProcess.incrementAndGet();
            } else {
                bad.add(i + ": txids " + txids);
            }
        });
        check("idempotency pairs sent to both at once", oneProcess.get() == pairs,
                pairs + " pairs, " + oneProcess.get() + " made exactly one process" + (bad.isEmpty() ? "" : " " + bad));
    }

    // 3 -------------------------------------------------------------------------------------------------------------
    static void concurrentRefunds(String a, String b) throws Exception {
        Answer paid = post(a, "/api/v1/payments", UUID.randomUUID().toString(), payment(20_000, 10_000, true));
        long txid = paid.number("txid");
        long collected = paid.amount("paid");
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        parallel(30, 30, i -> {
            Answer refund = post(i % 2 == 0 ? a : b, "/api/v1/payments/" + txid + "/refunds",
                    UUID.randomUUID().toString(), "{\"amount\": {\"value\": 1000, \"currency\": \"EUR\"}}");
            statuses.computeIfAbsent(refund.status(), s -> new AtomicInteger()).incrementAndGet();
        });
        int done = statuses.getOrDefault(201, new AtomicInteger()).get();
        long refunded = get(b, "/api/v1/payments/" + txid).amount("refunded");
        // the shop tries the refused ones again, one after the other, until Kontor says nothing is left: no amount
        // stays reserved by a refund that never landed, and the last one is refused
        int later = 0;
        Answer next = null;
        long until = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < until && later < 30) {
            next = postAsAShop(later % 2 == 0 ? a : b, "/api/v1/payments/" + txid + "/refunds",
                    UUID.randomUUID().toString(), "{\"amount\": {\"value\": 1000, \"currency\": \"EUR\"}}");
            if (next.status() == 201) {
                later++;
            } else if (next.body().contains("reserved 0.00")) {
                break; // nothing left, and nothing held by a refund whose booking has not landed
            } else {
                // a refund whose booking failed holds its amount until the recovery settles it
                Thread.sleep(2000);
            }
        }
        long finallyRefunded = get(a, "/api/v1/payments/" + txid).amount("refunded");
        check("30 concurrent refunds across both", collected == 10_000 && refunded <= collected
                        && refunded == done * 1000L && finallyRefunded == collected,
                "paid " + collected + ", answers " + statuses + ", refunded " + refunded
                        + " (never more than paid); " + later + " tried again one by one, then refused: refunded "
                        + finallyRefunded);
    }

    // 4 -------------------------------------------------------------------------------------------------------------
    static void notifications(String a, String b) throws Exception {
        int n = 60;
        Map<Long, Long> invoices = new ConcurrentHashMap<>();
        parallel(8, n, i -> {
            long amount = amount(i);
            Answer created = post(i % 2 == 0 ? a : b, "/api/v1/payments", UUID.randomUUID().toString(),
                    invoice(30_000 + i, amount));
            invoices.put(created.number("txid"), amount);
        });
        AtomicInteger acknowledged = new AtomicInteger();
        List<Long> txids = new ArrayList<>(invoices.keySet());
        parallel(8, txids.size(), i -> {
            long txid = txids.get(i);
            String form = paidNotification(txid, invoices.get(txid));
            // the same notification to both servers at once, and once more to each
            List<Future<Answer>> sent = new ArrayList<>();
            for (String on : List.of(a, b, a, b)) {
                sent.add(POOL.submit(() -> payone(on, form)));
            }
            int ok = 0;
            for (Future<Answer> f : sent) {
                ok += f.get().status() == 200 && "TSOK".equals(f.get().body().trim()) ? 1 : 0;
            }
            if (ok == 4) {
                acknowledged.incrementAndGet();
            } else {
                for (Future<Answer> f : sent) {
                    if (f.get().status() != 200) {
                        System.out.println("  notification answered " + f.get().status() + ": " + f.get().body());
                    }
                }
            }
        });
        long deadline = System.nanoTime() + 60_000_000_000L;
        int exact = 0;
        List<String> wrong = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            exact = 0;
            wrong.clear();
            for (long txid : txids) {
                Answer p = get(txid % 2 == 0 ? a : b, "/api/v1/payments/" + txid);
                long paidAmount = p.amount("paid");
                if (paidAmount == invoices.get(txid) && "OK".equals(p.text("status"))) {
                    exact++;
                } else if (paidAmount > invoices.get(txid)) {
                    wrong.add(txid + " paid " + paidAmount);
                }
            }
            if (exact == txids.size() || !wrong.isEmpty()) {
                break;
            }
            Thread.sleep(1000);
        }
        check("notifications sent to both at once", acknowledged.get() == n && exact == n && wrong.isEmpty(),
                n + " notifications, each sent 4 times (2 to each server at once); " + acknowledged.get()
                        + " acknowledged every time; " + exact + " processes paid exactly once" + wrong);
    }

    // 5 -------------------------------------------------------------------------------------------------------------
    static void nodeKilledUnderLoad(String a, String b, String kill, int seconds) throws Exception {
        Map<Long, Long> answered = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger(40_000);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    int i = sequence.incrementAndGet();
                    String on = client % 2 == 0 ? a : b;
                    long amount = amount(i);
                    long start = System.nanoTime();
                    Answer created = post(on, "/api/v1/payments", UUID.randomUUID().toString(), payment(i, amount, i % 3 == 0));
                    String phase = killed.get() ? "after" : "before";
                    counts.computeIfAbsent((on.equals(a) ? "A " : "B ") + phase + " " + created.status(),
                            k -> new AtomicInteger()).incrementAndGet();
                    if (created.status() == 201) {
                        answered.put(created.number("txid"), amount);
                        latencies.add(System.nanoTime() - start);
                    }
                }
            }));
        }
        Thread.sleep(seconds * 1000L / 3);
        System.out.println("killing a Galera node under load: " + kill);
        new ProcessBuilder("bash", "-c", kill).inheritIO().start().waitFor();
        killed.set(true);
        Thread.sleep(seconds * 2000L / 3);
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        int found = 0;
        List<Long> lost = new ArrayList<>();
        for (Map.Entry<Long, Long> e : answered.entrySet()) {
            Answer got = get(e.getKey() % 2 == 0 ? a : b, "/api/v1/payments/" + e.getKey());
            if (got.status() == 200 && got.amount("amount") == e.getValue()) {
                found++;
            } else if (lost.size() < 10) {
                lost.add(e.getKey());
            }
        }
        int aAfter = counts.getOrDefault("A after 201", new AtomicInteger()).get();
        int bAfter = counts.getOrDefault("B after 201", new AtomicInteger()).get();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        check("a Galera node killed under load", found == answered.size() && aAfter > 0 && bAfter > 0,
                answered.size() + " answered 201, " + found + " found afterwards" + (lost.isEmpty() ? "" : ", lost " + lost)
                        + "; answers " + new java.util.TreeMap<>(counts) + "; p95 of the 201s "
                        + (sorted.isEmpty() ? 0 : sorted.get(sorted.size() * 95 / 100) / 1_000_000) + " ms");
    }

    // helpers ------------------------------------------------------------------------------------------------------
    static final ExecutorService POOL = Executors.newVirtualThreadPerTaskExecutor();

    interface Task {
        void run(int i) throws Exception;
    }

    static void parallel(int threads, int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            all.add(pool.submit(() -> {
                task.run(index);
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
    }

    /** An amount the simulator approves (it declines those ending in 51..55). */
    static long amount(int i) {
        return 1000 + (i % 190) * 100L + i % 50;
    }

    static String payment(int i, long amount, boolean card) {
        String customer = "CL" + RUN + "-" + i;
        String means = card
                ? "\"paymentMethod\": \"CARD\", \"card\": {\"token\": \"tok_cl_" + i
                        + "\", \"brand\": \"VISA\", \"last4\": \"4242\", \"expiryMonth\": 12, \"expiryYear\": 2030}"
                : "\"paymentMethod\": \"INVOICE\"";
        return """
                {"type": "authorization", "customerId": "%s", "reference": "CL-%d", "amount": {"value": %d, "currency": "EUR"},
                 %s, "debtor": {"lastName": "Cluster %d", "email": "cl%s-%d@example.org"}}"""
                .formatted(customer, i, amount, means, i, RUN, i);
    }

    static String invoice(int i, long amount) {
        return payment(i, amount, false);
    }

    static String paidNotification(long txid, long amount) {
        String value = amount / 100 + "." + String.format("%02d", amount % 100);
        return "key=" + md5(PAYONE_KEY) + "&txaction=paid&portalid=" + PAYONE_PORTAL + "&mode=test&txid=sim-" + txid
                + "&sequencenumber=0&price=" + value + "&receivable=" + value + "&balance=0.00&currency=EUR"
                + "&clearingtype=rec&reference=" + URLEncoder.encode("CL " + txid, StandardCharsets.UTF_8);
    }

    static Answer post(String base, String path, String key, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * What a shop does (API.md): a 409 CONCURRENT_UPDATE, a 5xx (not kept for the key) or a broken connection is sent
     * again with the same Idempotency-Key, a few times.
     */
    static Answer postAsAShop(String base, String path, String key, String body) throws InterruptedException {
        Answer answer = post(base, path, key, body);
        for (int retry = 1; retry <= 6 && (answer.status() == 409 || answer.status() >= 500 || answer.status() == -1); retry++) {
            Thread.sleep(300L * retry);
            answer = post(base, path, key, body);
        }
        return answer;
    }

    static Answer get(String base, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + KEY)
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    static Answer payone(String base, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + "/notifications/payone"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (Exception e) {
            return new Answer(-1, e.toString());
        }
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
