package com.kontor.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * TX-4 and TX-9 against MariaDB: random sequences of the shop's operations (a few tries, seeded, to keep the suite
 * fast) keep every invariant in the stored summary and the bookings; and the database refuses to change a booking.
 */
@IntegrationTest
class LedgerDatabaseTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";
    static final Set<Integer> CLEAR_ANSWERS = Set.of(201, 202, 409, 422);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void randomOperationSequencesKeepTheInvariantsInTheDatabase() {
        ApiClient api = new ApiClient(port);
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            String method = List.of("CARD", "WALLET", "INVOICE").get(random.nextInt(3));
            String type = random.nextBoolean() ? "preauthorization" : "authorization";
            long amount = 5_000 + random.nextInt(20) * 1_000L;
            String customer = "LDB-" + UUID.randomUUID().toString().substring(0, 8);
            String card = method.equals("CARD")
                    ? ", \"card\": {\"token\": \"tok_" + customer + "\", \"brand\": \"VISA\","
                            + " \"last4\": \"1111\", \"expiryMonth\": 1, \"expiryYear\": 2031}"
                    : "";
            ApiClient.Answer created =
                    api.post(TEST_KEY, "/api/v1/payments", """
                    {"type": "%s", "customerId": "%s", "reference": "R", "amount": {"value": %d, "currency": "EUR"},
                     "paymentMethod": "%s", "debtor": {"lastName": "Random"}%s}""".formatted(type, customer, amount, method, card));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long txid = created.number("txid");
            for (int step = 0; step < 8; step++) {
                String operation = List.of("captures", "shipments", "refunds").get(random.nextInt(3));
                long value = 100 + random.nextInt(9_000);
                if (value % 100 >= 51 && value % 100 <= 55) { // the simulator's failure amounts: not this test's topic
                    value += 10;
                }
                ApiClient.Answer answer = api.post(
                        TEST_KEY,
                        "/api/v1/payments/" + txid + "/" + operation,
                        operation.equals("shipments")
                                ? null
                                : "{\"amount\": {\"value\": " + value + ", \"currency\": \"EUR\"}}");
                assertThat(answer.status())
                        .as("seed %d, %s: %s", seed, operation, answer.body())
                        .isIn(CLEAR_ANSWERS);
                assertInvariants(txid, amount);
            }
        }
    }

    private void assertInvariants(long txid, long amount) {
        Map<String, Object> p = jdbc.queryForMap(
                "select receivable, paid, collected, refunded, reserved, preauthorized,"
                        + " process_type, payment_method from payment_process where txid = ?",
                txid);
        Map<String, Object> sums = jdbc.queryForMap(
                "select coalesce(sum(debit), 0) d, coalesce(sum(credit), 0) c,"
                        + " coalesce(-sum(case when booking_type = 'REFUND' then credit end), 0) r from booking where txid = ?",
                txid);
        assertThat(number(p, "receivable")).isEqualTo(number(sums, "d"));
        assertThat(number(p, "paid")).isEqualTo(number(sums, "c"));
        assertThat(number(p, "refunded")).isEqualTo(number(sums, "r"));
        assertThat(number(p, "refunded") + number(p, "reserved")).isLessThanOrEqualTo(number(p, "collected"));
        assertThat(number(p, "preauthorized")).isBetween(0L, amount);
        if ("PREAUTHORIZATION".equals(p.get("process_type")) && !"INVOICE".equals(p.get("payment_method"))) {
            long captured = jdbc.queryForObject(
                    "select coalesce(sum(debit), 0) from booking where txid = ?" + " and booking_type = 'RECEIVABLE'",
                    Long.class,
                    txid);
            assertThat(captured + number(p, "preauthorized")).isEqualTo(amount);
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteABooking() {
        Long id = jdbc.queryForObject("select max(id) from booking", Long.class);
        assertThatThrownBy(() -> jdbc.update("update booking set debit = debit + 1 where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from booking where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
