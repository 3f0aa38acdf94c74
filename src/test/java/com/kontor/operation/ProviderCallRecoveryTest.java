package com.kontor.operation;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.audit.Actor;
import com.kontor.money.Money;
import com.kontor.psp.simulator.SimulatorProvider;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.ApiClient.Answer;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PLAT-6: provider calls survive a failed booking. The booking transaction is failed on purpose by the database
 * itself: a trigger, limited to the test's own process or amount, refuses to settle the call's record, which the
 * booking does as its last step; so the provider has answered and the booking rolls back, as when the database goes
 * away or Galera refuses the commit. Then nothing may stay reserved or authorised for ever, nothing is paid twice.
 */
@IntegrationTest
class ProviderCallRecoveryTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";
    static final String FINANCE = "finance@mueller.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RefundService refunds;

    @Autowired
    ProviderCallRecovery recovery;

    @Autowired
    SimulatorProvider simulator;

    ApiClient api;
    TestUsers users;
    Partition test;
    Actor finance;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        users = new TestUsers(jdbc);
        test = new Partition(users.merchantId("Müller Handels GmbH"), Mode.TEST);
        finance = users.principal(FINANCE).asActor();
    }

    @Test
    void aRefundWhoseBookingFailedIsBookedOnceByTheRecovery() {
        long txid = paidCard(5000).number("txid");
        long shown = number(txid, "version");
        String key = txid + "-refund-v" + shown;

        failingSettlementOf("txid = " + txid, () -> refund(txid, shown));

        // the provider paid, the booking did not land: the amount is still reserved, nothing refunded
        assertThat(simulator.executions(key)).isEqualTo(1);
        assertThat(number(txid, "reserved")).isEqualTo(1000);
        assertThat(number(txid, "refunded")).isZero();
        assertThat(state(key)).isEqualTo("OPEN");

        recovery.recover(Duration.ZERO);

        assertThat(state(key)).isEqualTo("BOOKED");
        assertThat(number(txid, "reserved")).isZero();
        assertThat(number(txid, "refunded")).isEqualTo(1000);
        assertThat(refundBookings(txid)).isEqualTo(1);
        assertThat(simulator.executions(key))
                .as("asked again with the same key")
                .isEqualTo(1);
        assertThat(audits(txid, "PAYMENT_REFUNDED")).isEqualTo(1);

        long version = number(txid, "version");
        recovery.recover(Duration.ZERO);
        assertThat(number(txid, "version")).as("a second run changes nothing").isEqualTo(version);
        assertThat(refundBookings(txid)).isEqualTo(1);
    }

    @Test
    void theSameRefundSentAgainAfterItsBookingFailedPaysOnce() {
        long txid = paidCard(6000).number("txid");
        long shown = number(txid, "version");
        String key = txid + "-refund-v" + shown;

        failingSettlementOf("txid = " + txid, () -> refund(txid, shown));
        assertThat(number(txid, "reserved")).isEqualTo(1000);

        // the dialog sends the same refund again: no second reservation, no second payout
        refund(txid, shown);

        assertThat(number(txid, "reserved")).isZero();
        assertThat(number(txid, "refunded")).isEqualTo(1000);
        assertThat(refundBookings(txid)).isEqualTo(1);
        assertThat(simulator.executions(key)).isEqualTo(1);
        assertThat(state(key)).isEqualTo("BOOKED");
        recovery.recover(Duration.ZERO);
        assertThat(number(txid, "refunded")).isEqualTo(1000);
    }

    @Test
    void theShopsRefundSentAgainWithTheSameIdempotencyKeyPaysOnce() {
        long txid = paidCard(7000).number("txid");
        String path = "/api/v1/payments/" + txid + "/refunds";
        String body = """
                {"amount": {"value": 1000, "currency": "EUR"}}""";
        String idempotencyKey = "refund-" + UUID.randomUUID();

        Answer failed = failingSettlementOf("txid = " + txid, () -> api.post(TEST_KEY, path, body, idempotencyKey));
        assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
        assertThat(number(txid, "reserved")).isEqualTo(1000);

        // a 5xx is not kept: the shop's retry runs again, and books the payout its first try made
        Answer again = api.post(TEST_KEY, path, body, idempotencyKey);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(number(txid, "reserved")).isZero();
        assertThat(number(txid, "refunded")).isEqualTo(1000);
        assertThat(refundBookings(txid)).isEqualTo(1);
        String key = jdbc.queryForObject(
                "select idempotency_key from provider_call where txid = ? and operation = 'REFUND'",
                String.class,
                txid);
        assertThat(key).startsWith(txid + "-refund-k");
        assertThat(simulator.executions(key)).isEqualTo(1);
    }

    @Test
    void anAuthorisationWhosePaymentNeverLandedIsVoided() {
        long amount = 7000 + (System.nanoTime() % 90) * 100 + 17; // ends in 17: the simulator approves
        String reference = "RECOVER-" + UUID.randomUUID().toString().substring(0, 8);

        Answer failed = failingSettlementOf(
                "operation = 'AUTHORISE' and NEW.amount = " + amount, () -> card(amount, reference));
        assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);

        Map<String, Object> call = jdbc.queryForMap(
                "select idempotency_key, txid, state from provider_call where operation = 'AUTHORISE' and amount = ?"
                        + " order by created_at desc limit 1",
                amount);
        String key = (String) call.get("idempotency_key");
        long txid = ((Number) call.get("txid")).longValue();
        assertThat(key).isEqualTo(txid + "-authorise");
        assertThat(call.get("state")).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select count(*) from payment_process where txid = ?", Integer.class, txid))
                .isZero();
        assertThat(simulator.executions(key)).isEqualTo(1);

        recovery.recover(Duration.ZERO);

        assertThat(state(key)).isEqualTo("VOIDED");
        assertThat(simulator.executions(key + "-cancel")).isEqualTo(1);
        assertThat(audits(txid, "PROVIDER_CALL_VOIDED")).isEqualTo(1);

        recovery.recover(Duration.ZERO);
        assertThat(simulator.executions(key + "-cancel")).isEqualTo(1);
        assertThat(audits(txid, "PROVIDER_CALL_VOIDED")).isEqualTo(1);
    }

    @Test
    void aCardPaymentRefusedBeforeTheProviderWasAskedLeavesNothingToRecover() {
        long amount = 8000 + (System.nanoTime() % 90) * 100 + 19;
        Answer refused = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "UNKNOWN-%s", "reference": "RECOVER-R",
                 "amount": {"value": %d, "currency": "EUR"}, "paymentMethod": "CARD",
                 "card": {"token": "tok_%s", "brand": "VISA", "last4": "4242", "expiryMonth": 12,
                          "expiryYear": 2029, "holder": "Lena Berg"}}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8),
                        amount,
                        UUID.randomUUID().toString().substring(0, 12)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        String key = jdbc.queryForObject(
                "select idempotency_key from provider_call where operation = 'AUTHORISE' and amount = ?",
                String.class,
                amount);
        assertThat(state(key)).isEqualTo("RELEASED");
        assertThat(simulator.executions(key)).isZero();
    }

    /**
     * Runs {@code work} while the database refuses to settle the provider calls that match {@code condition} (on the
     * row being settled): the booking transaction fails after the provider answered.
     */
    private <T> T failingSettlementOf(String condition, Supplier<T> work) {
        String trigger = "fail_settlement_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("create trigger " + trigger + " before update on provider_call for each row"
                + " if NEW.state <> 'OPEN' and NEW." + condition
                + " then signal sqlstate '45000' set message_text = 'booking fails on purpose'; end if");
        try {
            return work.get();
        } finally {
            jdbc.execute("drop trigger " + trigger);
        }
    }

    private Object refund(long txid, long shown) {
        try {
            return users.as(
                    FINANCE,
                    () -> TenancyScope.inPartition(
                            test, () -> refunds.refund(txid, Money.of(1000, "EUR"), "Returned", shown, finance)));
        } catch (RuntimeException e) {
            assertThat(e).hasStackTraceContaining("booking fails on purpose");
            return e;
        }
    }

    private Answer paidCard(long amount) {
        Answer created = card(amount, "RECOVER-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private Answer card(long amount, String reference) {
        return api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "RECOVER-%s", "reference": "%s",
                 "amount": {"value": %d, "currency": "EUR"}, "paymentMethod": "CARD",
                 "debtor": {"firstName": "Lena", "lastName": "Berg", "street": "Hauptstraße 5",
                            "postcode": "80331", "city": "München", "country": "DE"},
                 "card": {"token": "tok_%s", "brand": "VISA", "last4": "4242", "expiryMonth": 12,
                          "expiryYear": 2029, "holder": "Lena Berg"}}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8),
                        reference,
                        amount,
                        UUID.randomUUID().toString().substring(0, 12)));
    }

    private long number(long txid, String column) {
        return jdbc.queryForObject("select " + column + " from payment_process where txid = ?", Long.class, txid);
    }

    private String state(String key) {
        return jdbc.queryForObject("select state from provider_call where idempotency_key = ?", String.class, key);
    }

    private int refundBookings(long txid) {
        return jdbc.queryForObject(
                "select count(*) from booking where txid = ? and booking_type = 'REFUND'", Integer.class, txid);
    }

    private int audits(long txid, String event) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where txid = ? and event_type = ?", Integer.class, txid, event);
    }
}
