package com.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, item 10: a payment does not fail because the shop sent its customer's address again. Parallel requests
 * for one debtor whose master data differ all succeed, each change lands in the history, and two requests creating
 * the same new customer at once make one debtor.
 */
@IntegrationTest
class ConcurrentWritesTest {

    static final String KEY = "kontor_test_demo_mueller_webshop";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private <T> List<T> atOnce(int n, java.util.function.IntFunction<T> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                answers.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        }
    }

    @Test
    void eightParallelPaymentsWithDifferingAddressesForOneCustomerAllSucceed() throws Exception {
        String customer = "CW-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient api = new ApiClient(port);
        List<ApiClient.Answer> answers =
                atOnce(8, i -> api.post(KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "ORD-%d", "paymentMethod": "INVOICE",
                 "amount": {"value": 1000, "currency": "EUR"},
                 "debtor": {"lastName": "Parallel", "street": "Weg %d", "city": "Stadt %d", "country": "DE"}}""".formatted(customer, i, i, i)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
        assertThat(jdbc.queryForObject("select count(*) from debtor where customer_id = ?", Long.class, customer))
                .isEqualTo(1);
        // every request's city was the debtor's for a moment: the first set it, each later one changed it
        assertThat(jdbc.queryForList(
                        "select c.new_value from debtor_change c join debtor d on d.id = c.debtor_id"
                                + " where d.customer_id = ? and c.field = 'city'",
                        String.class,
                        customer))
                .hasSize(8)
                .containsExactlyInAnyOrder(
                        "Stadt 0", "Stadt 1", "Stadt 2", "Stadt 3", "Stadt 4", "Stadt 5", "Stadt 6", "Stadt 7");
    }

    @Test
    void twoPutsCreatingTheSameNewCustomerBothSucceed() throws Exception {
        String customer = "CW-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient api = new ApiClient(port);
        List<ApiClient.Answer> answers = atOnce(
                2,
                i -> api.put(
                        KEY,
                        "/api/v1/debtors/" + customer,
                        "{\"lastName\": \"Twice\", \"city\": \"City " + i + "\", \"country\": \"DE\"}"));

        assertThat(answers).extracting(ApiClient.Answer::status).containsExactlyInAnyOrder(201, 200);
        assertThat(answers.get(0).number("userId")).isEqualTo(answers.get(1).number("userId"));
    }
}
