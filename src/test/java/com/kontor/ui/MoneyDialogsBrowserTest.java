package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.BrowserTest;
import com.kontor.ui.pages.DebtorDetailPage;
import com.kontor.ui.pages.LoginPage;
import com.kontor.ui.pages.MoneyDialogPage;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The money dialogs of the process panel (OPS-1..OPS-6) as a finance user runs them in the browser: each shows its
 * maximum and refuses more next to the field, and what it books appears in the event account and the audit log.
 */
class MoneyDialogsBrowserTest extends BrowserTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    PlatformTransactionManager transactionManager;

    private ApiClient api;
    private String customer;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        customer = "M-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long pay(String type, String method, long amount) {
        String card = method.equals("CARD")
                ? """
                , "card": {"token": "tok_%s", "brand": "VISA", "last4": "4242", "expiryMonth": 12, "expiryYear": 2029,
                           "holder": "Łukasz Müßig"}""".formatted(UUID.randomUUID().toString().substring(0, 12))
                : "";
        ApiClient.Answer created = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "%s", "customerId": "%s", "reference": "ORD-%s-%d", "amount": {"value": %d, "currency": "EUR"},
                 "paymentMethod": "%s", "debtor": {"firstName": "Łukasz", "lastName": "Müßig", "street": "Hauptstraße 1",
                 "postcode": "10115", "city": "Berlin", "country": "DE", "email": "%s@example.org"}%s}""".formatted(
                        type, customer, customer, amount, amount, method, customer.toLowerCase(), card));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long txid = created.number("txid");
        if (method.equals("INVOICE")) {
            // DOC-2: its invoice is issued after the commit and changes the process: the dialogs start after it
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.queryForObject(
                                    "select invoice_number from payment_process where txid = ?", String.class, txid)
                            != null);
        }
        return txid;
    }

    private DebtorDetailPage openAsFinance(long txid) {
        long debtorNumber = api.get(TEST_KEY, "/api/v1/debtors/" + customer).number("userId");
        return DebtorDetailPage.open(
                LoginPage.open(browser, url("")).loginAs("finance@mueller.example", DemoLogins.PASSWORD),
                "test",
                debtorNumber,
                txid);
    }

    /** Money that arrived by bank transfer, as a provider's notification books it. */
    private void received(long txid, long amount) {
        long merchant = jdbc.queryForObject(
                "select merchant_id from app_user where email = 'finance@mueller.example'", Long.class);
        TenancyScope.inPartition(
                new Partition(merchant, Mode.TEST),
                () -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(s -> ledger.lock(txid, BookingSource.NOTIFICATION)
                                .orElseThrow()
                                .paymentReceived(amount, "in-" + UUID.randomUUID())));
    }

    private String auditDetails(long txid, String type) {
        return String.join(
                " | ",
                jdbc.queryForList(
                        "select concat(actor_name, ' ', coalesce(details, '')) from audit_event where txid = ? and event_type = ?",
                        String.class,
                        txid,
                        type));
    }

    @Test
    void aPartialCaptureThenARefundEachRefuseMoreThanTheirMaximumNextToTheField() {
        long txid = pay("preauthorization", "CARD", 8000);
        DebtorDetailPage page = openAsFinance(txid);
        assertThat(page.offers("refund")).as("nothing collected yet").isFalse();

        MoneyDialogPage capture = page.money("capture");
        assertThat(capture.helper("capture-amount")).isEqualTo("Maximum: €80.00");
        capture.set("capture-amount", "90").confirm();
        assertThat(capture.refusal("capture-amount")).isEqualTo("More than the maximum of €80.00.");
        capture.set("capture-amount", "50").confirmAndClose();
        assertThat(page.processStatus()).isEqualTo("Pre-authorised");
        assertThat(page.account()).contains("€50.00");

        MoneyDialogPage refund = page.money("refund");
        assertThat(refund.helper("refund-amount")).isEqualTo("Maximum: €50.00");
        refund.set("refund-amount", "60").confirm();
        assertThat(refund.refusal("refund-amount")).isEqualTo("More than the maximum of €50.00.");
        refund.set("refund-amount", "20").confirm();
        assertThat(refund.refusal("refund-reason")).isEqualTo("Enter the reason for the refund.");
        refund.set("refund-reason", "Ware beschädigt angekommen").confirmAndClose();
        assertThat(page.account()).contains("Refund", "-€20.00");
        assertThat(page.balance()).isEqualTo("€0.00");
        assertThat(auditDetails(txid, "PAYMENT_REFUNDED"))
                .contains("finance@mueller.example", "Ware beschädigt angekommen", "20.00");
        assertThat(auditDetails(txid, "PAYMENT_CAPTURED")).contains("50.00");
    }

    @Test
    void aCreditEntrysTotalGrowsAsItemsAreTypedAndItBooksWithItsType() {
        long txid = pay("authorization", "INVOICE", 10000);
        DebtorDetailPage page = openAsFinance(txid);

        MoneyDialogPage credit = page.money("credit");
        credit.set("credit-description", "Schraube M4")
                .set("credit-quantity", "2")
                .set("credit-vat", "19")
                .set("credit-price", "10");
        assertThat(credit.text("credit-total")).isEqualTo("Total of the credit entry: €20.00");
        credit.click("credit-add")
                .set("credit-description", "Versand")
                .set("credit-vat", "7")
                .set("credit-price", "5.50");
        assertThat(credit.text("credit-total")).isEqualTo("Total of the credit entry: €25.50");
        assertThat(credit.text("credit-maximum")).isEqualTo("Maximum: €100.00");
        credit.choose("credit-type", "Return of goods").confirmAndClose();

        assertThat(page.account()).contains("Credit entry", "Returns", "-€25.50");
        assertThat(page.balance()).isEqualTo("€74.50");
        assertThat(auditDetails(txid, "CREDIT_ENTRY_BOOKED")).contains("RETURN_OF_GOODS", "Schraube M4", "25.50");
        // DOC-1: Müller booked invoice issuing, so the credit entry issued its credit note with the items
        assertThat(api.get(TEST_KEY, "/api/v1/payments/" + txid + "/documents").body())
                .contains("\"CREDIT_NOTE\"");

        MoneyDialogPage tooMuch = page.money("credit");
        assertThat(tooMuch.text("credit-maximum")).isEqualTo("Maximum: €74.50");
        tooMuch.set("credit-description", "Alles").set("credit-price", "80").confirm();
        assertThat(tooMuch.refusal("credit-price")).isEqualTo("At most €74.50 can be credited.");
        tooMuch.click("credit-dialog-cancel");
        assertThat(page.balance()).isEqualTo("€74.50");
    }

    @Test
    void aDerecognitionPreviewsTheNewBalanceAndNeedsACommentThatLandsInTheAuditLog() {
        long txid = pay("authorization", "INVOICE", 6000);
        DebtorDetailPage page = openAsFinance(txid);

        MoneyDialogPage derecognition = page.money("derecognise");
        assertThat(derecognition.text("derecognition-old-balance")).isEqualTo("€60.00");
        assertThat(derecognition.text("derecognition-credit-note")).isEqualTo("€60.00");
        assertThat(derecognition.text("derecognition-new-balance")).isEqualTo("€0.00");
        derecognition.confirm();
        assertThat(derecognition.refusal("derecognition-comment")).startsWith("Enter a comment");
        derecognition
                .set("derecognition-comment", "Kunde ist vom Kauf zurückgetreten")
                .confirmAndClose();

        assertThat(page.processStatus()).isEqualTo("OK");
        assertThat(page.balance()).isEqualTo("€0.00");
        assertThat(page.account()).contains("De-recognition", "-€60.00");
        assertThat(auditDetails(txid, "RECEIVABLE_DERECOGNISED"))
                .contains("finance@mueller.example", "Kunde ist vom Kauf zurückgetreten");
    }

    @Test
    void anOverpaidInvoiceSettlesAnotherOpenInvoiceButACardOverpaymentIsRefusedWithTheReason() {
        long overpaid = pay("authorization", "INVOICE", 5000);
        long open = pay("authorization", "INVOICE", 3000);
        received(overpaid, 7000);
        DebtorDetailPage page = openAsFinance(overpaid);

        MoneyDialogPage transfer = page.money("transfer");
        transfer.choose("transfer-target", "TXID " + open);
        assertThat(transfer.helper("transfer-amount")).isEqualTo("Maximum: €20.00");
        transfer.set("transfer-amount", "25").confirm();
        assertThat(transfer.refusal("transfer-amount")).isEqualTo("More than the maximum of €20.00.");
        transfer.set("transfer-amount", "20").confirmAndClose();
        assertThat(page.processStatus()).isEqualTo("OK");
        assertThat(page.balance()).isEqualTo("€0.00");
        assertThat(page.account()).contains("Transfer", "-€20.00");
        assertThat(auditDetails(open, "OVERPAYMENT_TRANSFERRED")).contains("finance@mueller.example");
        assertThat(api.get(TEST_KEY, "/api/v1/payments/" + open).number("amounts.balance.value"))
                .isEqualTo(1000);

        long card = pay("authorization", "CARD", 4000);
        received(card, 1000);
        page = DebtorDetailPage.open(page, "test", page.debtorNumber(), card);
        MoneyDialogPage refused = page.money("transfer");
        assertThat(refused.text("transfer-refusal"))
                .startsWith("An overpayment by card or wallet cannot be transferred");
        assertThat(refused.hasButton("transfer-dialog-confirm")).isFalse();
    }

    @Test
    void aRefundAboveTheFourEyesThresholdWaitsAndThePanelSaysSo() {
        long txid = pay("authorization", "CARD", 15000);
        DebtorDetailPage page = openAsFinance(txid);
        page.money("refund")
                .set("refund-amount", "120")
                .set("refund-reason", "Kulanz")
                .confirmAndClose();
        assertThat(page.approvals())
                .contains("Refund of €120.00 waiting for approval (requested by finance@mueller.example");
        assertThat(page.account()).doesNotContain("Refund");
        MoneyDialogPage refund = page.money("refund");
        assertThat(refund.helper("refund-amount"))
                .as("the pending refund is reserved")
                .isEqualTo("Maximum: €30.00");
    }
}
