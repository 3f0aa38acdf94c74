package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.money.Money;
import com.kontor.operation.RefundOutcome;
import com.kontor.operation.RefundService;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.ApiClient.Answer;
import com.kontor.testsupport.BrowserTest;
import com.kontor.testsupport.TestUsers;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.ApprovalsPage;
import com.kontor.ui.pages.LoginPage;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * OPS-6 in the browser with two people: a refund above Müller's threshold of 100 EUR sent through the shop's API and
 * one asked for by finance@ wait on the Approvals page; finance@ cannot decide them, approver@ approves the API's
 * (the refund is booked) and rejects finance@'s with a reason (the amount is refundable again).
 */
class FourEyesBrowserTest extends BrowserTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";
    static final String FINANCE = "finance@mueller.example";
    static final String APPROVER = "approver@mueller.example";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RefundService refunds;

    private long paidCard(ApiClient api, String customerId, long amount) {
        Answer created = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "EYES-%s",
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

    @Test
    void aSecondPersonApprovesTheApisRefundAndRejectsFinancesOwn() {
        ApiClient api = new ApiClient(port);
        String customerId = "EYES-" + UUID.randomUUID().toString().substring(0, 8);
        long viaApi = paidCard(api, customerId, 20000);
        long viaPortal = paidCard(api, customerId, 20000);

        Answer asked = api.post(
                TEST_KEY,
                "/api/v1/payments/" + viaApi + "/refunds",
                "{\"amount\": {\"value\": 12000, \"currency\": \"EUR\"}}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.text("status")).isEqualTo("PENDING_APPROVAL");
        long apiApproval = asked.number("approvalId");

        TestUsers users = new TestUsers(jdbc);
        Partition test = new Partition(users.merchantId("Müller Handels GmbH"), Mode.TEST);
        RefundOutcome own = users.as(
                FINANCE,
                () -> TenancyScope.inPartition(
                        test,
                        () -> refunds.refund(
                                viaPortal,
                                Money.of(15000, "EUR"),
                                "Parcel lost in transit",
                                null,
                                users.principal(FINANCE).asActor())));
        assertThat(own).isInstanceOf(RefundOutcome.PendingApproval.class);
        long financeApproval = ((RefundOutcome.PendingApproval) own).approvalId();

        AppPage finance = LoginPage.open(browser, url("")).loginAs(FINANCE, DemoLogins.PASSWORD);
        ApprovalsPage seenByFinance = ApprovalsPage.open(finance, "test");
        assertThat(seenByFinance.lists(financeApproval, viaPortal)).isTrue();
        assertThat(seenByFinance.lists(apiApproval, viaApi)).isTrue();
        assertThat(seenByFinance.offersDecision(financeApproval))
                .as("nobody approves their own request")
                .isFalse();
        assertThat(seenByFinance.ownRequestText(financeApproval)).isEqualTo("Your request — a second person decides");
        assertThat(seenByFinance.offersDecision(apiApproval))
                .as("FINANCE looks, APPROVER decides")
                .isFalse();
        assertThat(seenByFinance.gridCells("approvals-grid")).contains("Parcel lost in transit", "Refund");
        seenByFinance.logout();

        AppPage approver = LoginPage.open(browser, url("")).loginAs(APPROVER, DemoLogins.PASSWORD);
        ApprovalsPage approvals = ApprovalsPage.open(approver, "test");
        assertThat(approvals.offersDecision(apiApproval)).isTrue();
        assertThat(approvals.offersDecision(financeApproval)).isTrue();
        assertThat(approvals.ownRequestText(financeApproval)).isNull();
        long debtorNumber = jdbc.queryForObject(
                "select debtor_number from debtor where customer_id = ? and partition_key = ?",
                Long.class,
                customerId,
                test.merchantId() + ":TEST");
        assertThat(approvals.processLink(apiApproval)).isEqualTo(url("/test/debtors/" + debtorNumber + "/" + viaApi));

        assertThat(approvals.approve(apiApproval)).contains("120.00").contains("to the original means of payment?");
        Answer refunded = api.get(TEST_KEY, "/api/v1/payments/" + viaApi);
        assertThat(refunded.number("amounts.refunded.value")).isEqualTo(12000);
        assertThat(refunded.number("amounts.paid.value")).isEqualTo(8000);
        assertThat(refunded.body()).contains("\"REFUND\"");
        assertThat(approvals.lists(apiApproval, viaApi)).isFalse();

        assertThat(approvals.reject(financeApproval, "")).isEqualTo("Enter the reason for the rejection.");
        assertThat(approvals.reject(financeApproval, "Parcel arrived after all"))
                .isNull();
        assertThat(approvals.lists(financeApproval, viaPortal)).isFalse();
        assertThat(approvals.gridCells("approvals-decided"))
                .as("decided recently, with how each ended")
                .contains("Rejected: Parcel arrived after all", "Approved and executed");
        assertThat(jdbc.queryForObject(
                        "select reason from approval_request where id = ?", String.class, financeApproval))
                .isEqualTo("Parcel arrived after all");
        Answer released = api.get(TEST_KEY, "/api/v1/payments/" + viaPortal);
        assertThat(released.number("amounts.refunded.value")).isZero();
        assertThat(jdbc.queryForObject("select reserved from payment_process where txid = ?", Long.class, viaPortal))
                .isZero();
        Answer again = api.post(
                TEST_KEY,
                "/api/v1/payments/" + viaPortal + "/refunds",
                "{\"amount\": {\"value\": 20000, \"currency\": \"EUR\"}}");
        assertThat(again.status())
                .as("the whole amount is refundable again: " + again.body())
                .isEqualTo(202);
    }
}
