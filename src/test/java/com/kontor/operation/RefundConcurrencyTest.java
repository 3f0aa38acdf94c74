package com.kontor.operation;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.ApiClient.Answer;
import com.kontor.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * OPS-7 against real MariaDB: 24 refunds fired at once at one paid process, some above the four-eyes threshold,
 * never pay out or reserve more than was collected, and every answer is a success, a pending approval or a clear
 * refusal. Parallel first payments of a new customer make one debtor and all succeed.
 */
@IntegrationTest
class RefundConcurrencyTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";
    static final int PARALLEL = 24;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void parallelRefundsNeverExceedWhatWasCollected() throws Exception {
        ApiClient api = new ApiClient(port);
        String customerId = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
        Answer paid = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "RACE-1",
                 "amount": {"value": 50000, "currency": "EUR"}, "paymentMethod": "WALLET",
                 "debtor": {"lastName": "Parallel", "email": "race@example.org"}}""".formatted(customerId));
        assertThat(paid.text("status")).isEqualTo("OK");
        long txid = paid.number("txid");

        CyclicBarrier start = new CyclicBarrier(PARALLEL);
        List<Future<Answer>> answers = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            for (int i = 0; i < PARALLEL; i++) {
                long amount = i % 3 == 0 ? 6000 : 2000; // 8 × 60.00 + 16 × 20.00 = 800.00 asked for, 500.00 paid
                amounts.add(amount);
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post(
                            TEST_KEY,
                            "/api/v1/payments/" + txid + "/refunds",
                            "{\"amount\": {\"value\": " + amount + ", \"currency\": \"EUR\"}}");
                }));
            }
        }

        long refundedByAnswers = 0;
        long pendingByAnswers = 0;
        int refused = 0;
        for (int i = 0; i < PARALLEL; i++) {
            Answer answer = answers.get(i).get();
            switch (answer.status()) {
                case 201 -> refundedByAnswers += amounts.get(i);
                case 202 -> {
                    assertThat(answer.text("status")).isEqualTo("PENDING_APPROVAL");
                    pendingByAnswers += amounts.get(i);
                }
                case 422 -> {
                    assertThat(answer.text("code")).isEqualTo("AMOUNT_EXCEEDS_LIMIT");
                    refused++;
                }
                default -> throw new AssertionError("unexpected answer " + answer);
            }
        }

        Map<String, Object> process = jdbc.queryForMap(
                "select collected, refunded, reserved, paid from payment_process where txid = ?", txid);
        long collected = ((Number) process.get("collected")).longValue();
        long refunded = ((Number) process.get("refunded")).longValue();
        long reserved = ((Number) process.get("reserved")).longValue();
        assertThat(refunded + reserved).isLessThanOrEqualTo(collected);
        assertThat(refunded).isEqualTo(refundedByAnswers);
        assertThat(reserved).isEqualTo(pendingByAnswers);
        assertThat(jdbc.queryForObject(
                        "select coalesce(sum(amount), 0) from approval_request where txid = ?"
                                + " and status = 'PENDING'",
                        Long.class,
                        txid))
                .isEqualTo(pendingByAnswers);
        assertThat(refundedByAnswers)
                .as("the first refunds up to the threshold execute at once")
                .isPositive();
        assertThat(pendingByAnswers)
                .as("refunds beyond the threshold wait for approval")
                .isPositive();
        assertThat(refused).as("what exceeds the collected amount is refused").isPositive();
        assertThat(jdbc.queryForObject(
                        "select -sum(credit) from booking where txid = ? and booking_type = 'REFUND'",
                        Long.class,
                        txid))
                .isEqualTo(refunded);
    }

    @Test
    void parallelFirstPaymentsOfANewCustomerAllSucceedForOneDebtor() throws Exception {
        ApiClient api = new ApiClient(port);
        String customerId = "FIRST-" + UUID.randomUUID().toString().substring(0, 8);
        int parallel = 8;
        CyclicBarrier start = new CyclicBarrier(parallel);
        List<Future<Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            for (int i = 0; i < parallel; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post(TEST_KEY, "/api/v1/payments", """
                            {"type": "authorization", "customerId": "%s", "reference": "FIRST-%d",
                             "amount": {"value": 1000, "currency": "EUR"}, "paymentMethod": "INVOICE",
                             "debtor": {"lastName": "Erstkunde", "city": "Ulm", "country": "DE"}}""".formatted(customerId, n));
                }));
            }
        }
        for (Future<Answer> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
        }
        assertThat(jdbc.queryForObject("select count(*) from debtor where customer_id = ?", Long.class, customerId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from payment_process p join debtor d on d.id = p.debtor_id"
                                + " where d.customer_id = ?",
                        Long.class,
                        customerId))
                .isEqualTo(parallel);
    }
}
