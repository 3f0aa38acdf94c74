package com.kontor.psp;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** PSP-3 as API.md specifies it: keys and signatures, store first, book once, in order, the review list. */
@IntegrationTest
class NotificationTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationInbox inbox;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private long payment(String type, String method, long amount, String extra) {
        String customerId = "N-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Answer created = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "%s", "customerId": "%s", "reference": "ORD-%s", "amount": {"value": %d, "currency": "EUR"},
                 "paymentMethod": "%s", "debtor": {"lastName": "Notified", "email": "%s@example.org"}%s}""".formatted(
                        type, customerId, customerId, amount, method, customerId.toLowerCase(), extra));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.number("txid");
    }

    private HttpResponse<String> payone(Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/notifications/payone"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> payoneEvent(
            long txid, String txaction, int sequence, String receivable, String balance) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("key", md5Hex(DemoLogins.PAYONE_KEY));
        f.put("txaction", txaction);
        f.put("portalid", DemoLogins.PAYONE_PORTAL_ID);
        f.put("mode", "test");
        f.put("txid", "sim-" + txid);
        f.put("reference", "ORD");
        f.put("sequencenumber", Integer.toString(sequence));
        f.put("price", receivable);
        f.put("receivable", receivable);
        f.put("balance", balance);
        f.put("currency", "EUR");
        f.put("clearingtype", "rec");
        return f;
    }

    private HttpResponse<String> adyen(String live, String item) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/notifications/adyen"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"live\": \"" + live + "\", \"notificationItems\": [" + item + "]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String adyenItem(
            String key, String eventCode, String psp, String original, long value, String account) {
        return adyenItem(key, eventCode, psp, original, value, account, "2026-11-28T10:00:00+01:00");
    }

    private static String adyenItem(
            String key, String eventCode, String psp, String original, long value, String account, String eventDate) {
        String signed = String.join(":", psp, original, account, "ORD", Long.toString(value), "EUR", eventCode, "true");
        String signature =
                Base64.getEncoder().encodeToString(hmac(HexFormat.of().parseHex(key), signed));
        return """
                {"NotificationRequestItem": {"eventCode": "%s", "success": "true", "pspReference": "%s",
                 "originalReference": "%s", "merchantReference": "ORD", "merchantAccountCode": "%s",
                 "amount": {"value": %d, "currency": "EUR"}, "eventDate": "%s",
                 "additionalData": {"hmacSignature": "%s"}}}""".formatted(eventCode, psp, original, account, value, eventDate, signature);
    }

    private Map<String, Object> process(long txid) {
        return jdbc.queryForMap(
                "select status, paid, receivable, refunded, error_code from payment_process" + " where txid = ?", txid);
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(condition);
    }

    private String state(String dedupeKey) {
        return jdbc.queryForObject(
                "select state from provider_notification where dedupe_key = ?", String.class, dedupeKey);
    }

    /** The MD5 of the key, as a PAYONE platform sends it; computed here, not by the code under test. */
    private static String md5Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Adyen item's HMAC-SHA256, as Adyen signs it; computed here, not by the code under test. */
    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private long paid(long txid) {
        return ((Number) process(txid).get("paid")).longValue();
    }

    @Test
    void aPayonePaymentIsAcknowledgedWhenStoredAndBookedExactlyOnce() throws Exception {
        long txid = payment("authorization", "INVOICE", 4999, "");
        HttpResponse<String> first = payone(payoneEvent(txid, "paid", 0, "49.99", "0.00"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("TSOK");
        await(() -> "OK".equals(process(txid).get("status")));
        assertThat(payone(payoneEvent(txid, "paid", 0, "49.99", "0.00")).body()).isEqualTo("TSOK");
        // the repeat is acknowledged but not stored again: nothing is left to book
        assertThat(jdbc.queryForObject(
                        "select count(*) from provider_notification where dedupe_key = ?",
                        Long.class,
                        "payone:sim-" + txid + ":0:paid"))
                .isEqualTo(1);
        await(() -> "APPLIED".equals(state("payone:sim-" + txid + ":0:paid")));
        assertThat(paid(txid)).isEqualTo(4999);
        assertThat(jdbc.queryForObject(
                        "select count(*) from booking where txid = ? and booking_type = 'PAYMENT'", Long.class, txid))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where txid = ? and actor_type = 'PROVIDER'"
                                + " and event_type = 'PAYMENT_RECEIVED'",
                        Long.class,
                        txid))
                .isEqualTo(1);
    }

    @Test
    void aWrongPayoneKeyIsRefusedAndStoresNothing() throws Exception {
        long txid = payment("authorization", "INVOICE", 1000, "");
        Map<String, String> forged = payoneEvent(txid, "paid", 0, "10.00", "0.00");
        forged.put("key", md5Hex("guessed"));
        HttpResponse<String> refused = payone(forged);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"FORBIDDEN\"");
        forged.put("portalid", "999");
        assertThat(payone(forged).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject(
                        "select count(*) from provider_notification where provider_reference = ?",
                        Long.class,
                        "sim-" + txid))
                .isZero();
    }

    @Test
    void payoneEventsArrivingOutOfOrderWaitAndAreBookedInSequence() throws Exception {
        long txid = payment("authorization", "INVOICE", 10000, "");
        assertThat(payone(payoneEvent(txid, "paid", 1, "100.00", "0.00")).body())
                .isEqualTo("TSOK");
        await(() -> "WAITING".equals(state("payone:sim-" + txid + ":1:paid")));
        assertThat(paid(txid)).as("sequence 1 waits for sequence 0").isZero();
        assertThat(payone(payoneEvent(txid, "underpaid", 0, "100.00", "40.00")).body())
                .isEqualTo("TSOK");
        await(() -> paid(txid) == 10000);
        assertThat(jdbc.queryForList(
                        "select credit from booking where txid = ? and booking_type = 'PAYMENT'" + " order by id",
                        Long.class,
                        txid))
                .containsExactly(6000L, 4000L);
        assertThat(process(txid).get("status")).isEqualTo("OK");
    }

    @Test
    void adyenCaptureAndChargebackAreBookedAndTheRotatedOutKeyStillWorks() throws Exception {
        long txid = payment("preauthorization", "CARD", 9000, """
                , "card": {"token": "tok_adyen_%s", "brand": "VISA", "last4": "1111", "expiryMonth": 3,
                           "expiryYear": 2031}""".formatted(UUID.randomUUID()));
        String account = DemoLogins.ADYEN_MERCHANT_ACCOUNT;
        String psp = "cap-" + txid;
        HttpResponse<String> capture =
                adyen("false", adyenItem(DemoLogins.ADYEN_HMAC_KEY, "CAPTURE", psp, "sim-" + txid, 3000, account));
        assertThat(capture.statusCode()).isEqualTo(200);
        assertThat(capture.body()).isEqualTo("[accepted]");
        await(() -> paid(txid) == 3000);
        assertThat(process(txid).get("status")).isEqualTo("PREAUTHORIZED");

        HttpResponse<String> chargeback = adyen(
                "false",
                adyenItem(
                        DemoLogins.ADYEN_PREVIOUS_HMAC_KEY, "CHARGEBACK", "cb-" + txid, "sim-" + txid, 3000, account));
        assertThat(chargeback.body()).isEqualTo("[accepted]");
        await(() -> paid(txid) == 0);
        assertThat(process(txid).get("status")).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where txid = ? and actor_type = 'PROVIDER'"
                                + " and event_type = 'PAYMENT_CHARGEBACK'",
                        Long.class,
                        txid))
                .isEqualTo(1);
    }

    @Test
    void aPaymentsNotificationsAreBookedInTheProvidersOrderNotInTheOrderOfTheirIds() throws Exception {
        long txid = payment("preauthorization", "CARD", 5000, """
                , "card": {"token": "tok_order_%s", "brand": "VISA", "last4": "1111", "expiryMonth": 3,
                           "expiryYear": 2031}""".formatted(UUID.randomUUID()));
        String account = DemoLogins.ADYEN_MERCHANT_ACCOUNT;
        String original = "sim-" + txid;
        // Adyen delivers the refund ahead of the capture it refunds, in one batch: the refund is stored first and gets
        // the smaller id (as an id from another Galera node might be); booked first, it would refund what is not paid
        String refund = adyenItem(
                DemoLogins.ADYEN_HMAC_KEY,
                "REFUND",
                "ref-" + txid,
                original,
                2000,
                account,
                "2026-11-28T10:05:00.250+01:00");
        String capture = adyenItem(
                DemoLogins.ADYEN_HMAC_KEY, "CAPTURE", "cap-" + txid, original, 5000, account, "2026-11-28T09:00:00Z");
        assertThat(adyen("false", refund + ", " + capture).body()).isEqualTo("[accepted]");
        String refundKey = "adyen:ref-" + txid + ":REFUND:true";
        String captureKey = "adyen:cap-" + txid + ":CAPTURE:true";
        assertThat(id(refundKey)).as("the refund's id comes first").isLessThan(id(captureKey));
        assertThat(jdbc.queryForObject(
                                "select event_at from provider_notification where dedupe_key = ?",
                                java.sql.Timestamp.class,
                                captureKey)
                        .toInstant())
                .isEqualTo(java.time.Instant.parse("2026-11-28T09:00:00Z"));

        await(() -> !List.of("RECEIVED", "WAITING").contains(state(refundKey)));
        assertThat(state(captureKey)).isEqualTo("APPLIED");
        assertThat(state(refundKey)).isEqualTo("APPLIED");
        assertThat(jdbc.queryForList(
                        "select booking_type from booking where txid = ? and booking_type in ('PAYMENT', 'REFUND')"
                                + " order by id",
                        String.class,
                        txid))
                .containsExactly("PAYMENT", "REFUND");
        assertThat(paid(txid)).isEqualTo(3000);
        assertThat(((Number) process(txid).get("refunded")).longValue()).isEqualTo(2000);
    }

    private long id(String dedupeKey) {
        return jdbc.queryForObject("select id from provider_notification where dedupe_key = ?", Long.class, dedupeKey);
    }

    @Test
    void aSecondChargebackAfterAReversalBooksAgainButARepeatDoesNot() throws Exception {
        long txid = payment("authorization", "WALLET", 2000, "");
        String account = DemoLogins.ADYEN_MERCHANT_ACCOUNT;
        String dispute = "dispute-" + txid;
        String chargeback = adyenItem(DemoLogins.ADYEN_HMAC_KEY, "CHARGEBACK", dispute, "sim-" + txid, 2000, account);
        assertThat(adyen("false", chargeback).body()).isEqualTo("[accepted]");
        await(() -> paid(txid) == 0);
        assertThat(adyen(
                                "false",
                                adyenItem(
                                        DemoLogins.ADYEN_HMAC_KEY,
                                        "CHARGEBACK_REVERSED",
                                        dispute,
                                        "sim-" + txid,
                                        2000,
                                        account))
                        .body())
                .isEqualTo("[accepted]");
        await(() -> paid(txid) == 2000);
        assertThat(adyen("false", chargeback).body()).as("a repeat").isEqualTo("[accepted]");
        assertThat(adyen(
                                "false",
                                adyenItem(
                                        DemoLogins.ADYEN_HMAC_KEY,
                                        "SECOND_CHARGEBACK",
                                        dispute,
                                        "sim-" + txid,
                                        2000,
                                        account))
                        .body())
                .isEqualTo("[accepted]");
        await(() -> paid(txid) == 0);
        assertThat(process(txid).get("status")).as("the money went back again").isEqualTo("OPEN");
        assertThat(jdbc.queryForObject(
                        "select count(*) from booking where txid = ? and booking_type = 'CHARGEBACK'",
                        Long.class,
                        txid))
                .isEqualTo(2);
    }

    @Test
    void anAdyenBatchWithOneBadSignatureOrAnUnknownAccountIsRefusedWhole() throws Exception {
        long txid = payment("authorization", "WALLET", 5000, "");
        String good = adyenItem(
                DemoLogins.ADYEN_HMAC_KEY,
                "REFUND",
                "ref-a-" + txid,
                "sim-" + txid,
                100,
                DemoLogins.ADYEN_MERCHANT_ACCOUNT);
        String forged = adyenItem(
                "00112233445566778899AABBCCDDEEFF",
                "REFUND",
                "ref-b-" + txid,
                "sim-" + txid,
                100,
                DemoLogins.ADYEN_MERCHANT_ACCOUNT);
        HttpResponse<String> refused = adyen("false", good + ", " + forged);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(adyen(
                                "false",
                                adyenItem(
                                        DemoLogins.ADYEN_HMAC_KEY,
                                        "REFUND",
                                        "ref-c-" + txid,
                                        "sim-" + txid,
                                        100,
                                        "UnknownAccount"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(jdbc.queryForObject(
                        "select count(*) from provider_notification where provider_reference = ?",
                        Long.class,
                        "sim-" + txid))
                .isZero();
    }

    @Test
    void aNotificationForTheOtherModeOrAnUnknownProcessGoesToReviewAndBooksNothing() throws Exception {
        long txid = payment("authorization", "WALLET", 5000, "");
        assertThat(adyen(
                                "true",
                                adyenItem(
                                        DemoLogins.ADYEN_HMAC_KEY,
                                        "REFUND",
                                        "live-" + txid,
                                        "sim-" + txid,
                                        100,
                                        DemoLogins.ADYEN_MERCHANT_ACCOUNT))
                        .body())
                .isEqualTo("[accepted]");
        assertThat(adyen(
                                "false",
                                adyenItem(
                                        DemoLogins.ADYEN_HMAC_KEY,
                                        "REFUND",
                                        "x-" + txid,
                                        "sim-nothing-" + txid,
                                        100,
                                        DemoLogins.ADYEN_MERCHANT_ACCOUNT))
                        .body())
                .isEqualTo("[accepted]");
        await(() -> jdbc.queryForObject(
                        "select count(*) from provider_notification where state = 'REVIEW'"
                                + " and provider_reference in (?, ?)",
                        Long.class,
                        "sim-" + txid,
                        "sim-nothing-" + txid)
                == 2);
        assertThat(((Number) process(txid).get("refunded")).longValue()).isZero();
    }

    @Test
    void theSimulatorsPendingOutcomesArriveThroughTheNotificationPath() throws Exception {
        long pending = payment("authorization", "CARD", 1053, """
                , "card": {"token": "tok_pending_%s", "brand": "VISA", "last4": "1111", "expiryMonth": 3,
                           "expiryYear": 2031}""".formatted(UUID.randomUUID()));
        assertThat(process(pending).get("status")).isEqualTo("IN_PROCESSING");
        long declined = payment("authorization", "WALLET", 1054, "");
        long debit = payment(
                "authorization",
                "DIRECT_DEBIT",
                2000,
                ", \"bankAccount\": {\"holder\": \"N\", \"iban\": \"DE89370400440532013000\"}");
        assertThat(process(debit).get("status")).isEqualTo("IN_PROCESSING");
        await(() -> "OK".equals(process(pending).get("status"))
                && "ERROR".equals(process(declined).get("status"))
                && "OK".equals(process(debit).get("status")));
        assertThat(paid(pending)).isEqualTo(1053);
        assertThat(paid(debit)).isEqualTo(2000);
        assertThat(process(declined).get("error_code")).isEqualTo("DECLINED");
    }

    @Test
    void notificationsOfOnePaymentBookedTogetherCountEachPartOnceAndWaitForTheirPredecessor() throws Exception {
        long first = payment("authorization", "INVOICE", 1000, "");
        long second = payment("authorization", "INVOICE", 1000, "");
        // stored in one transaction, so the job books them in one chunk: two parts of one payment (the later one
        // first, so it waits for its predecessor) and a repeat-free second payment
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            inbox.receivePayone(payoneEvent(first, "paid", 1, "10.00", "0.00"));
            inbox.receivePayone(payoneEvent(first, "paid", 0, "10.00", "6.00"));
            inbox.receivePayone(payoneEvent(second, "paid", 0, "10.00", "0.00"));
            inbox.receivePayone(payoneEvent(first, "reminder", 2, "10.00", "0.00"));
        });
        await(() -> paid(first) == 1000
                && paid(second) == 1000
                && jdbc.queryForObject(
                                "select count(*) from"
                                        + " provider_notification where provider_reference = ? and state = 'APPLIED'",
                                Long.class,
                                "sim-" + first)
                        == 3);
        assertThat(process(first).get("status")).isEqualTo("OK");
        assertThat(jdbc.queryForObject(
                        "select sum(credit) from booking where txid = ? and booking_type = 'PAYMENT'",
                        Long.class,
                        first))
                .isEqualTo(1000);
    }

    @Test
    void aNotificationWhoseBookingFailsGoesToReviewAndDoesNotBlockTheOnesAfterIt() throws Exception {
        long poisoned = payment("authorization", "INVOICE", 1000, "");
        // payments whose notifications share the poisoned one's lane (the job's four threads, lanes by the provider's
        // reference), so that they are booked in one transaction with it
        int lane = Math.floorMod(("sim-" + poisoned).hashCode(), 4);
        List<Long> next = new ArrayList<>();
        while (next.size() < 3) {
            long txid = payment("authorization", "INVOICE", 1000, "");
            if (Math.floorMod(("sim-" + txid).hashCode(), 4) == lane) {
                next.add(txid);
            }
        }
        // the database refuses the first booking when its transaction commits, as a full disk or a broken row would
        jdbc.execute("create trigger poison_update before update on payment_process for each row begin"
                + " if new.error_code = 'POISON' then signal sqlstate '45000' set message_text = 'poisoned'; end if;"
                + " end");
        try {
            Map<String, String> failed = payoneEvent(poisoned, "failed", 0, "10.00", "10.00");
            failed.put("failedcause", "poison");
            // stored in one transaction, as PAYONE's form posts would be: the job finds them due in one poll
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                assertThat(inbox.receivePayone(failed)).isEqualTo(NotificationInbox.Outcome.STORED);
                next.forEach(txid -> assertThat(inbox.receivePayone(payoneEvent(txid, "paid", 0, "10.00", "0.00")))
                        .isEqualTo(NotificationInbox.Outcome.STORED));
            });
            // the notifications after it are booked all the same
            await(() -> next.stream().allMatch(txid -> paid(txid) == 1000));
            await(() -> "REVIEW"
                    .equals(jdbc.queryForObject(
                            "select state from provider_notification" + " where provider_reference = ?",
                            String.class,
                            "sim-" + poisoned)));
            assertThat(jdbc.queryForObject(
                            "select reason from provider_notification where provider_reference = ?",
                            String.class,
                            "sim-" + poisoned))
                    .contains("poisoned");
            assertThat(process(poisoned).get("error_code")).isNull(); // nothing of the failed booking stayed
        } finally {
            jdbc.execute("drop trigger poison_update");
        }
    }
}
