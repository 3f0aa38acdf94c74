package com.kontor.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.audit.Actor;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.money.Money;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.ApiClient.Answer;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OPS-3..5 against real MariaDB, as finance@ of the demo merchant Müller in test mode: credit entries without flow
 * of funds, de-recognition, transfers between two invoices of one debtor, and what is refused with nothing changed.
 */
@IntegrationTest
class MoneyOperationsTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";
    static final String FINANCE = "finance@mueller.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CreditService credits;

    @Autowired
    DerecognitionService derecognitions;

    @Autowired
    TransferService transfers;

    @Autowired
    RefundService refunds;

    @Autowired
    Ledger ledger;

    @Autowired
    PlatformTransactionManager transactionManager;

    ApiClient api;
    TestUsers users;
    Partition test;
    String customerId;
    Actor finance;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        users = new TestUsers(jdbc);
        test = new Partition(users.merchantId("Müller Handels GmbH"), Mode.TEST);
        customerId = "MONEY-" + UUID.randomUUID().toString().substring(0, 8);
        finance = users.principal(FINANCE).asActor();
    }

    private <T> T asFinance(Supplier<T> work) {
        return users.as(FINANCE, () -> TenancyScope.inPartition(test, work));
    }

    private long create(String method, long amount, String extra) {
        Answer created = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "MONEY-%s",
                 "amount": {"value": %d, "currency": "EUR"}, "paymentMethod": "%s",
                 "debtor": {"firstName": "Lena", "lastName": "Łukasiewicz", "street": "Hauptstraße 5",
                            "postcode": "80331", "city": "München", "country": "DE"}%s}""".formatted(
                        customerId, UUID.randomUUID().toString().replaceAll("[^a-f]", ""), amount, method, extra));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.number("txid");
    }

    /** An invoice-method process once its invoice is issued (DOC-2, after the payment's commit). */
    private long invoice(long amount) {
        long txid = create("INVOICE", amount, "");
        awaitInvoiceNumber(jdbc, txid);
        return txid;
    }

    /**
     * Waits until the process's invoice is issued: issuing records its number on the process, which changes the
     * process's version, so a test that compares versions starts after it.
     */
    static void awaitInvoiceNumber(org.springframework.jdbc.core.JdbcTemplate jdbc, long txid) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select invoice_number from payment_process where txid = ?", String.class, txid)
                        != null);
    }

    private long paidCard(long amount) {
        return create("CARD", amount, """
                , "card": {"token": "tok_%s", "brand": "VISA", "last4": "4242", "expiryMonth": 12,
                          "expiryYear": 2029, "holder": "Lena Łukasiewicz"}""".formatted(UUID.randomUUID().toString().substring(0, 12)));
    }

    private void paymentReceived(long txid, long amount) {
        TenancyScope.inPartition(
                test,
                () -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(s -> ledger.lock(txid, BookingSource.PROVIDER)
                                .orElseThrow()
                                .paymentReceived(amount, "in-" + UUID.randomUUID())));
    }

    private Map<String, Object> process(long txid) {
        return jdbc.queryForMap(
                "select status, receivable, paid, collected, refunded, reserved, version from payment_process"
                        + " where txid = ?",
                txid);
    }

    private long number(long txid, String column) {
        return ((Number) process(txid).get(column)).longValue();
    }

    private List<Map<String, Object>> bookings(long txid) {
        return jdbc.queryForList(
                "select booking_type, receivable_type, debit, credit from booking where txid = ? order by id", txid);
    }

    private List<String> audits(long txid, String event) {
        return jdbc.queryForList(
                "select details from audit_event where txid = ? and event_type = ? order by id",
                String.class,
                txid,
                event);
    }

    private long bookingSum(long txid, String column) {
        return jdbc.queryForObject(
                "select coalesce(sum(" + column + "), 0) from booking where txid = ?", Long.class, txid);
    }

    private static CreditItem item(String description, int quantity, long unitGross) {
        return new CreditItem(description, quantity, new BigDecimal("19"), unitGross);
    }

    @Test
    void aCreditWithoutFundsBooksACreditEntryOfItsTypeAndSettlesTheProcess() {
        long txid = invoice(10000);
        asFinance(() -> credits.credit(
                txid, CreditType.DELIVERY_COSTS, false, List.of(item("Versandkosten", 1, 590)), null, finance));
        assertThat(bookings(txid).getLast())
                .containsEntry("booking_type", "CREDIT_ENTRY")
                .containsEntry("receivable_type", "DELIVERY_COSTS");
        assertThat(((Number) bookings(txid).getLast().get("debit")).longValue()).isEqualTo(-590);
        assertThat(((Number) bookings(txid).getLast().get("credit")).longValue())
                .isZero();
        assertThat(process(txid).get("status")).as("9,410 is still open").isEqualTo("OPEN");
        assertThat(number(txid, "receivable")).isEqualTo(9410);
        assertThat(number(txid, "paid")).isZero();

        RefundOutcome rest = asFinance(() -> credits.credit(
                txid,
                CreditType.RETURN_OF_GOODS,
                false,
                List.of(item("Wanderschuh", 2, 4000), item("Socken", 3, 470)),
                null,
                finance));
        assertThat(((RefundOutcome.Done) rest).process().status().name()).isEqualTo("OK");
        assertThat(bookings(txid).getLast()).containsEntry("receivable_type", "RETURNS");
        assertThat(process(txid).get("status")).isEqualTo("OK");
        assertThat(number(txid, "receivable")).isZero().isEqualTo(bookingSum(txid, "debit"));
        assertThat(audits(txid, "CREDIT_ENTRY_BOOKED"))
                .hasSize(2)
                .last()
                .asString()
                .contains("RETURN_OF_GOODS");
        assertThat(bookings(txid)).noneMatch(b -> "REFUND".equals(b.get("booking_type")));
    }

    @Test
    void aCreditAboveTheMaximumIsRefusedWithNothingChanged() {
        long txid = invoice(5000);
        Map<String, Object> before = process(txid);
        int bookingsBefore = bookings(txid).size();
        assertThatThrownBy(() -> asFinance(() -> credits.credit(
                        txid, CreditType.CREDIT_ENTRY, false, List.of(item("Kulanz", 1, 5001)), null, finance)))
                .isInstanceOfSatisfying(OperationRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("credit.aboveMaximum");
                    assertThat(e.field()).isEqualTo("total");
                    assertThat(e.arguments())
                            .containsExactly(Money.of(5000, "EUR").toString());
                });
        // with flow of funds the maximum is what was collected: nothing on an unpaid invoice
        assertThatThrownBy(() -> asFinance(() -> credits.credit(
                        txid, CreditType.CREDIT_ENTRY, true, List.of(item("Kulanz", 1, 100)), null, finance)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("credit.aboveMaximum"));
        assertThat(process(txid)).isEqualTo(before);
        assertThat(bookings(txid)).hasSize(bookingsBefore);
        assertThat(audits(txid, "CREDIT_ENTRY_BOOKED")).isEmpty();
    }

    @Test
    void aDerecognitionBooksTheWholeOpenBalanceAndIsAuditedWithItsComment() {
        long txid = invoice(30000);
        paymentReceived(txid, 12000);
        assertThatThrownBy(() ->
                        asFinance(() -> derecognitions.derecognise(txid, Money.of(0, "EUR"), "  ", null, finance)))
                .isInstanceOfSatisfying(OperationRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("derecognition.commentRequired");
                    assertThat(e.field()).isEqualTo("comment");
                });
        assertThat(process(txid).get("status")).isEqualTo("OPEN");

        asFinance(() ->
                derecognitions.derecognise(txid, Money.of(0, "EUR"), "Debtor insolvent, quota paid", null, finance));

        assertThat(bookings(txid).getLast()).containsEntry("booking_type", "DERECOGNITION");
        assertThat(((Number) bookings(txid).getLast().get("debit")).longValue()).isEqualTo(-18000);
        Map<String, Object> after = process(txid);
        assertThat(after.get("status")).isEqualTo("OK");
        assertThat(((Number) after.get("receivable")).longValue()).isEqualTo(12000);
        assertThat(((Number) after.get("paid")).longValue()).isEqualTo(12000);
        assertThat(bookingSum(txid, "debit") - bookingSum(txid, "credit"))
                .as("balance")
                .isZero();
        assertThat(audits(txid, "RECEIVABLE_DERECOGNISED"))
                .singleElement()
                .asString()
                .contains("Debtor insolvent, quota paid")
                .contains("180.00");
        assertThatThrownBy(() ->
                        asFinance(() -> derecognitions.derecognise(txid, Money.of(0, "EUR"), "again", null, finance)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("derecognition.nothingOpen"));
    }

    @Test
    void anOverpaymentMovesToAnotherInvoiceOfTheSameDebtorWithBothBookingsAndTwoAuditRecords() {
        long overpaid = invoice(10000);
        long open = invoice(8000);
        paymentReceived(overpaid, 13000);
        assertThat(process(overpaid).get("status")).isEqualTo("OK");

        assertThatThrownBy(
                        () -> asFinance(() -> transfers.transfer(overpaid, open, Money.of(3001, "EUR"), null, finance)))
                .isInstanceOfSatisfying(OperationRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("transfer.aboveMaximum");
                    assertThat(e.field()).isEqualTo("amount");
                });

        asFinance(() -> transfers.transfer(overpaid, open, Money.of(2500, "EUR"), null, finance));

        assertThat(bookings(overpaid).getLast()).containsEntry("booking_type", "TRANSFER");
        assertThat(((Number) bookings(overpaid).getLast().get("credit")).longValue())
                .isEqualTo(-2500);
        assertThat(bookings(open).getLast()).containsEntry("booking_type", "TRANSFER");
        assertThat(((Number) bookings(open).getLast().get("credit")).longValue())
                .isEqualTo(2500);
        assertThat(number(overpaid, "paid")).isEqualTo(10500).isEqualTo(bookingSum(overpaid, "credit"));
        assertThat(number(open, "paid")).isEqualTo(2500).isEqualTo(bookingSum(open, "credit"));
        assertThat(process(open).get("status")).isEqualTo("OPEN");
        assertThat(audits(overpaid, "OVERPAYMENT_TRANSFERRED")).hasSize(1);
        assertThat(audits(open, "OVERPAYMENT_TRANSFERRED")).hasSize(1);
    }

    @Test
    void aCardOverpaymentCannotBeTransferred() {
        long card = paidCard(10000);
        long open = invoice(8000);
        Map<String, Object> before = process(card);
        assertThatThrownBy(() -> asFinance(() -> transfers.transfer(card, open, Money.of(100, "EUR"), null, finance)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("transfer.notAccountBased"));
        assertThat(process(card)).isEqualTo(before);
        assertThat(number(open, "paid")).isZero();
        assertThat(audits(card, "OVERPAYMENT_TRANSFERRED")).isEmpty();
    }

    @Test
    void aStaleExpectedVersionIsRefusedAndTheCurrentOneRuns() {
        long txid = invoice(10000);
        long shown = number(txid, "version");
        assertThat(shown)
                .as("its invoice was issued, but recording the number changes no money: a dialog stays current")
                .isZero();
        asFinance(() ->
                credits.credit(txid, CreditType.CREDIT_ENTRY, false, List.of(item("Kulanz", 1, 1000)), shown, finance));
        assertThat(number(txid, "version")).isGreaterThan(shown);
        // the same dialog sent a second time: the process has changed since it was shown
        assertThatThrownBy(() -> asFinance(() -> credits.credit(
                        txid, CreditType.CREDIT_ENTRY, false, List.of(item("Kulanz", 1, 1000)), shown, finance)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("operation.stale"));
        assertThatThrownBy(() ->
                        asFinance(() -> derecognitions.derecognise(txid, Money.of(0, "EUR"), "stale", shown, finance)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("operation.stale"));
        assertThat(number(txid, "receivable")).isEqualTo(9000);
        assertThat(audits(txid, "CREDIT_ENTRY_BOOKED")).hasSize(1);

        long card = paidCard(5000);
        long cardVersion = number(card, "version");
        asFinance(() -> refunds.refund(card, Money.of(1000, "EUR"), "Returned", cardVersion, finance));
        assertThatThrownBy(() ->
                        asFinance(() -> refunds.refund(card, Money.of(1000, "EUR"), "Returned", cardVersion, finance)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("operation.stale"));
        assertThat(number(card, "refunded")).isEqualTo(1000);
    }
}
