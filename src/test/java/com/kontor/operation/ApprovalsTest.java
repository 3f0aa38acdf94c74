package com.kontor.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.audit.Actor;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.money.Money;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.NewUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import com.kontor.tenancy.UserAdministration;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.ApiClient.Answer;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OPS-6 against real MariaDB on the demo merchant Müller (four-eyes above 100 EUR, test mode): what waits books
 * nothing, nobody decides their own request, two approvers at once execute a request once, a rejection needs a reason
 * and frees the amount, approved credits and de-recognitions book what they asked for, and a user's own approval
 * limit makes a small refund wait too.
 */
@IntegrationTest
class ApprovalsTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";
    static final String FINANCE = "finance@mueller.example";
    static final String APPROVER = "approver@mueller.example";
    static final String ADMIN = "admin@mueller.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Approvals approvals;

    @Autowired
    RefundService refunds;

    @Autowired
    CreditService credits;

    @Autowired
    DerecognitionService derecognitions;

    @Autowired
    UserAdministration administration;

    @Autowired
    Ledger ledger;

    @Autowired
    PlatformTransactionManager transactionManager;

    ApiClient api;
    TestUsers users;
    Partition test;
    String customerId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        users = new TestUsers(jdbc);
        test = new Partition(users.merchantId("Müller Handels GmbH"), Mode.TEST);
        customerId = "APPR-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private <T> T as(String email, Supplier<T> work) {
        return users.as(email, () -> TenancyScope.inPartition(test, work));
    }

    private Actor actor(String email) {
        return users.principal(email).asActor();
    }

    private long paidCard(long amount) {
        Answer created = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "APPR-%s",
                 "amount": {"value": %d, "currency": "EUR"}, "paymentMethod": "CARD",
                 "debtor": {"firstName": "Vera", "lastName": "Vieraugen", "email": "vera@example.org"},
                 "card": {"token": "tok_%s", "brand": "VISA", "last4": "4242", "expiryMonth": 12,
                          "expiryYear": 2029, "holder": "Vera Vieraugen"}}""".formatted(
                        customerId,
                        UUID.randomUUID().toString().replaceAll("[^a-f]", ""),
                        amount,
                        UUID.randomUUID().toString().substring(0, 12)));
        assertThat(created.text("status")).as(created.body()).isEqualTo("OK");
        return created.number("txid");
    }

    private long openInvoice(long amount) {
        Answer created = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "APPR-%s",
                 "amount": {"value": %d, "currency": "EUR"}, "paymentMethod": "INVOICE",
                 "debtor": {"firstName": "Vera", "lastName": "Vieraugen", "street": "Am Markt 1", "postcode": "10115",
                            "city": "Berlin", "country": "DE"}}""".formatted(
                        customerId, UUID.randomUUID().toString().replaceAll("[^a-f]", ""), amount));
        assertThat(created.text("status")).as(created.body()).isEqualTo("OPEN");
        return created.number("txid");
    }

    private void paymentReceived(long txid, long amount) {
        TenancyScope.inPartition(
                test,
                () -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(s -> ledger.lock(txid, BookingSource.PROVIDER)
                                .orElseThrow()
                                .paymentReceived(amount, "in-" + UUID.randomUUID())));
    }

    private String newUser(String local, BigDecimal limit, Role... roles) {
        String email = local + "-" + UUID.randomUUID().toString().substring(0, 6) + "@mueller.example";
        NewUser form = new NewUser();
        form.setEmail(email);
        form.setDisplayName(local + " " + email.substring(local.length() + 1, local.length() + 7));
        form.setRoles(EnumSet.of(roles[0], roles));
        form.setApprovalLimit(limit);
        form.setInitialPassword("Approvals-Test-Passphrase-2026");
        users.as(ADMIN, () -> administration.create(form));
        return email;
    }

    private long pendingRefund(long txid, long amount, String email) {
        RefundOutcome outcome =
                as(email, () -> refunds.refund(txid, Money.of(amount, "EUR"), "Goods returned", null, actor(email)));
        assertThat(outcome).isInstanceOf(RefundOutcome.PendingApproval.class);
        return ((RefundOutcome.PendingApproval) outcome).approvalId();
    }

    private Map<String, Object> process(long txid) {
        return jdbc.queryForMap(
                "select status, receivable, paid, collected, refunded, reserved, refunds_requested"
                        + " from payment_process where txid = ?",
                txid);
    }

    private long number(long txid, String column) {
        return ((Number) process(txid).get(column)).longValue();
    }

    private List<Map<String, Object>> bookings(long txid, String type) {
        return jdbc.queryForList(
                "select receivable_type, debit, credit from booking where txid = ? and booking_type = ? order by id",
                txid,
                type);
    }

    private String status(long approvalId) {
        return jdbc.queryForObject("select status from approval_request where id = ?", String.class, approvalId);
    }

    private long audits(long txid, String event) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where txid = ? and event_type = ?", Long.class, txid, event);
    }

    @Test
    void aRefundAboveTheThresholdWaitsAndNobodyDecidesTheirOwnRequest() {
        String both = newUser("both", new BigDecimal("5000"), Role.FINANCE, Role.APPROVER);
        long txid = paidCard(20000);
        long id = pendingRefund(txid, 15000, both);

        assertThat(bookings(txid, "REFUND"))
                .as("a waiting refund books nothing")
                .isEmpty();
        assertThat(number(txid, "reserved")).isEqualTo(15000);
        Approvals.Approval mine = as(both, () -> approvals.pending()).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow();
        assertThat(mine.requestedByMe()).isTrue();
        assertThat(mine.kind()).isEqualTo(Approvals.REFUND);
        assertThat(mine.amount()).isEqualTo(Money.of(15000, "EUR"));
        assertThat(mine.note()).isEqualTo("Goods returned");
        assertThat(mine.debtorName()).isEqualTo("Vera Vieraugen");

        assertThatThrownBy(() -> as(both, () -> approvals.approve(id)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("approval.ownRequest"));
        assertThatThrownBy(() -> as(both, () -> {
                    approvals.reject(id, "I changed my mind");
                    return null;
                }))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("approval.ownRequest"));
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(bookings(txid, "REFUND")).isEmpty();

        assertThat(as(APPROVER, () -> approvals.pending()))
                .filteredOn(a -> a.id() == id)
                .singleElement()
                .satisfies(a -> assertThat(a.requestedByMe()).isFalse());
        assertThatThrownBy(() -> as(FINANCE, () -> approvals.approve(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("support@mueller.example", () -> approvals.pending()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void twoApproversApprovingAtOnceExecuteTheRefundOnce() throws Exception {
        String second = newUser("approver2", new BigDecimal("5000"), Role.APPROVER);
        long txid = paidCard(20000);
        long id = pendingRefund(txid, 15000, FINANCE);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (String approver : List.of(APPROVER, second)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        as(approver, () -> approvals.approve(id));
                        return "APPROVED";
                    } catch (OperationRefused refused) {
                        return refused.messageKey();
                    }
                }));
            }
            start.countDown();
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> result : results) {
            answers.add(result.get());
        }
        assertThat(answers).containsExactlyInAnyOrder("APPROVED", "approval.alreadyDecided");
        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(bookings(txid, "REFUND")).hasSize(1).first().satisfies(b -> {
            assertThat(((Number) b.get("debit")).longValue()).isEqualTo(-15000);
            assertThat(((Number) b.get("credit")).longValue()).isEqualTo(-15000);
        });
        assertThat(number(txid, "refunded")).isEqualTo(15000);
        assertThat(number(txid, "reserved")).isZero();
        assertThat(audits(txid, "OPERATION_APPROVED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select outcome from approval_request where id = ?", String.class, id))
                .isEqualTo("PAID");
    }

    @Test
    void aRejectionNeedsAReasonAndFreesTheReservedAmount() {
        long txid = paidCard(20000);
        long id = pendingRefund(txid, 15000, FINANCE);

        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> as(APPROVER, () -> {
                        approvals.reject(id, blank);
                        return null;
                    }))
                    .isInstanceOfSatisfying(OperationRefused.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("approval.reasonRequired");
                        assertThat(e.field()).isEqualTo("reason");
                    });
        }
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(number(txid, "reserved")).isEqualTo(15000);

        as(APPROVER, () -> {
            approvals.reject(id, "The goods never came back");
            return null;
        });
        assertThat(status(id)).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select reason from approval_request where id = ?", String.class, id))
                .isEqualTo("The goods never came back");
        assertThat(number(txid, "reserved")).isZero();
        assertThat(number(txid, "refunds_requested")).isZero();
        assertThat(bookings(txid, "REFUND")).isEmpty();
        assertThat(audits(txid, "OPERATION_REJECTED")).isEqualTo(1);
        assertThat(as(APPROVER, () -> approvals.pending())).noneMatch(a -> a.id() == id);
        assertThatThrownBy(() -> as(APPROVER, () -> approvals.approve(id)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("approval.alreadyDecided"));

        // refundable again: the whole amount can be asked for anew
        long again = pendingRefund(txid, 20000, FINANCE);
        assertThat(number(txid, "reserved")).isEqualTo(20000);
        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void aCreditEntryWithFundsWaitsWithoutBookingsAndBooksItsReturnsRefundWhenApproved() {
        long txid = paidCard(30000);
        int before = jdbc.queryForObject("select count(*) from booking where txid = ?", Integer.class, txid);
        List<CreditItem> items = List.of(
                new CreditItem("Wanderschuh Größe 42", 2, new BigDecimal("19"), 4500),
                new CreditItem("Versand", 1, new BigDecimal("19"), 3000));
        RefundOutcome outcome =
                as(FINANCE, () -> credits.credit(txid, CreditType.RETURN_OF_GOODS, true, items, null, actor(FINANCE)));
        assertThat(outcome).isInstanceOf(RefundOutcome.PendingApproval.class);
        long id = ((RefundOutcome.PendingApproval) outcome).approvalId();
        assertThat(jdbc.queryForObject("select count(*) from booking where txid = ?", Integer.class, txid))
                .isEqualTo(before);
        assertThat(number(txid, "reserved")).isEqualTo(12000);
        assertThat(as(APPROVER, () -> approvals.pending()))
                .filteredOn(a -> a.id() == id)
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(Approvals.CREDIT);
                    assertThat(a.amount()).isEqualTo(Money.of(12000, "EUR"));
                });

        as(APPROVER, () -> approvals.approve(id));

        assertThat(bookings(txid, "REFUND")).singleElement().satisfies(b -> {
            assertThat(b.get("receivable_type")).isEqualTo("RETURNS");
            assertThat(((Number) b.get("debit")).longValue()).isEqualTo(-12000);
            assertThat(((Number) b.get("credit")).longValue()).isEqualTo(-12000);
        });
        assertThat(number(txid, "refunded")).isEqualTo(12000);
        assertThat(number(txid, "reserved")).isZero();
        assertThat(number(txid, "receivable")).isEqualTo(18000);
        assertThat(audits(txid, "CREDIT_ENTRY_BOOKED")).isEqualTo(1);
        assertThat(status(id)).isEqualTo("APPROVED");
    }

    @Test
    void aDerecognitionWithDisbursalWaitsThenDerecognisesAndPaysOutWhenApproved() {
        long txid = openInvoice(30000);
        paymentReceived(txid, 20000);
        assertThat(number(txid, "paid")).isEqualTo(20000);

        RefundOutcome outcome = as(
                FINANCE,
                () -> derecognitions.derecognise(
                        txid, Money.of(15000, "EUR"), "Goodwill after the complaint", null, actor(FINANCE)));
        assertThat(outcome).isInstanceOf(RefundOutcome.PendingApproval.class);
        long id = ((RefundOutcome.PendingApproval) outcome).approvalId();
        assertThat(bookings(txid, "DERECOGNITION"))
                .as("nothing is de-recognised before the approval")
                .isEmpty();
        assertThat(bookings(txid, "REFUND")).isEmpty();
        assertThat(process(txid).get("status")).isEqualTo("OPEN");
        assertThat(as(APPROVER, () -> approvals.pending()))
                .filteredOn(a -> a.id() == id)
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(Approvals.DERECOGNITION);
                    assertThat(a.note()).isEqualTo("Goodwill after the complaint");
                });

        as(APPROVER, () -> approvals.approve(id));

        assertThat(bookings(txid, "DERECOGNITION"))
                .singleElement()
                .satisfies(
                        b -> assertThat(((Number) b.get("debit")).longValue()).isEqualTo(-10000));
        assertThat(bookings(txid, "REFUND"))
                .singleElement()
                .satisfies(
                        b -> assertThat(((Number) b.get("credit")).longValue()).isEqualTo(-15000));
        Map<String, Object> after = process(txid);
        assertThat(after.get("status")).isEqualTo("OK");
        assertThat(((Number) after.get("receivable")).longValue()).isEqualTo(30000 - 10000 - 15000);
        assertThat(((Number) after.get("paid")).longValue()).isEqualTo(20000 - 15000);
        assertThat(((Number) after.get("refunded")).longValue()).isEqualTo(15000);
        assertThat(((Number) after.get("reserved")).longValue()).isZero();
        assertThat(audits(txid, "RECEIVABLE_DERECOGNISED")).isEqualTo(1);
    }

    @Test
    void aUsersSmallApprovalLimitMakesARefundBelowTheMerchantsThresholdWait() {
        String small = newUser("small", new BigDecimal("20.00"), Role.FINANCE);
        long txid = paidCard(8000);
        long id = pendingRefund(txid, 5000, small);
        assertThat(bookings(txid, "REFUND")).isEmpty();
        assertThat(status(id)).isEqualTo("PENDING");

        // the same refund by finance@ (limit 500 EUR) below the threshold of 100 EUR runs at once
        long other = paidCard(8000);
        RefundOutcome done =
                as(FINANCE, () -> refunds.refund(other, Money.of(5000, "EUR"), "Goods returned", null, actor(FINANCE)));
        assertThat(done).isInstanceOf(RefundOutcome.Done.class);
        assertThat(bookings(other, "REFUND")).hasSize(1);

        as(APPROVER, () -> approvals.approve(id));
        assertThat(bookings(txid, "REFUND")).hasSize(1);
        assertThat(number(txid, "refunded")).isEqualTo(5000);
    }

    @Test
    void anApprovedRefundTheProviderDeclinesIsApprovedWithItsOutcomeAndFreesTheAmount() {
        long txid = paidCard(20000);
        long id = pendingRefund(txid, 15051, FINANCE); // the simulator declines amounts ending in 51

        as(APPROVER, () -> approvals.approve(id));

        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(as(APPROVER, () -> approvals.ofProcess(txid)))
                .filteredOn(a -> a.id() == id)
                .singleElement()
                .satisfies(a -> assertThat(a.outcome()).startsWith("DECLINED: ").contains("declined"));
        assertThat(as(FINANCE, () -> approvals.decidedRecently()))
                .filteredOn(a -> a.id() == id)
                .singleElement()
                .satisfies(a -> assertThat(a.decidedBy()).isEqualTo(APPROVER));
        assertThat(bookings(txid, "REFUND")).isEmpty();
        assertThat(number(txid, "reserved")).isZero();
        assertThat(number(txid, "refunds_requested")).isZero();
        assertThat(number(txid, "refunded")).isZero();
    }
}
