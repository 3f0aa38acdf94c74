package com.kontor.operation;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.ApiClient;
import com.kontor.testsupport.ApiClient.Answer;
import com.kontor.testsupport.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The payment endpoints of API.md against real MariaDB: every status, error code and ledger effect a shop sees. */
@IntegrationTest
class PaymentApiTest {

    static final String TEST_KEY = "kontor_test_demo_mueller_webshop";
    static final String LIVE_KEY = "kontor_live_demo_mueller_webshop";
    static final String BAKER_TEST_KEY = "kontor_test_demo_baker_shop_uk";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RefundService refunds;

    private ApiClient api;
    private String customerId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        customerId = "PAY-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String payment(String type, String method, long amount, String extra) {
        return """
                {"type": "%s", "customerId": "%s", "reference": "ORD-%s",
                 "amount": {"value": %d, "currency": "EUR"}, "paymentMethod": "%s",
                 "debtor": {"firstName": "Jana", "lastName": "Schröder", "street": "Lindenweg 3", "postcode": "20095",
                            "city": "Hamburg", "country": "DE", "email": "jana.%s@example.org"}%s}""".formatted(type, customerId, customerId, amount, method, customerId.toLowerCase(), extra);
    }

    private static final String CARD = """
            , "card": {"token": "tok_%s", "brand": "VISA", "last4": "4242", "expiryMonth": 12, "expiryYear": 2029,
                       "holder": "Jana Schröder"}""";

    private Answer create(String type, String method, long amount, String extra) {
        return api.post(TEST_KEY, "/api/v1/payments", payment(type, method, amount, extra));
    }

    private String card() {
        return CARD.formatted(UUID.randomUUID().toString().substring(0, 12));
    }

    @Test
    void anInvoiceIsOpenWithItsReceivableAndDueByThePaymentTerm() {
        Answer created = create("authorization", "INVOICE", 4999, "");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("OPEN");
        assertThat(created.text("dunningStatus")).isEqualTo("NONE");
        assertThat(created.text("providerReference")).startsWith("sim-");
        assertThat(created.number("amounts.receivable.value")).isEqualTo(4999);
        assertThat(created.number("amounts.paid.value")).isZero();
        assertThat(created.number("amounts.balance.value")).isEqualTo(4999);
        assertThat(created.json().path("bookings")).hasSize(1);
        assertThat(created.text("dueDate"))
                .isEqualTo(
                        LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(14).toString());
        long txid = created.number("txid");

        Answer debtor = api.get(TEST_KEY, "/api/v1/debtors/" + customerId);
        assertThat(debtor.json().path("txids").get(0).asLong()).isEqualTo(txid);
        assertThat(debtor.json().path("balances").get(0).path("value").asLong()).isEqualTo(4999);
        assertThat(api.get(TEST_KEY, "/api/v1/payments/" + txid + "/shippable").body())
                .contains("\"shippable\":true");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where txid = ? and event_type = 'PAYMENT_CREATED'"
                                + " and actor_type = 'API_KEY' and debtor_number is not null",
                        Long.class,
                        txid))
                .isEqualTo(1);
    }

    @Test
    void aPreauthorisedCardIsCapturedPartlyThenShippedAndASecondShipmentIsRefused() {
        Answer created = create("preauthorization", "CARD", 10000, card());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PREAUTHORIZED");
        assertThat(created.number("amounts.preauthorized.value")).isEqualTo(10000);
        long txid = created.number("txid");
        String payments = "/api/v1/payments/" + txid;

        Answer captured =
                api.post(TEST_KEY, payments + "/captures", "{\"amount\": {\"value\": 4000, \"currency\": \"EUR\"}}");
        assertThat(captured.status()).isEqualTo(201);
        assertThat(captured.text("status")).isEqualTo("PREAUTHORIZED");
        assertThat(captured.number("amounts.preauthorized.value")).isEqualTo(6000);
        assertThat(captured.number("amounts.paid.value")).isEqualTo(4000);

        Answer tooMuch =
                api.post(TEST_KEY, payments + "/captures", "{\"amount\": {\"value\": 6001, \"currency\": \"EUR\"}}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.text("code")).isEqualTo("AMOUNT_EXCEEDS_LIMIT");

        Answer shipped = api.post(TEST_KEY, payments + "/shipments", null);
        assertThat(shipped.status()).isEqualTo(201);
        assertThat(shipped.text("status")).isEqualTo("OK");
        assertThat(shipped.number("amounts.paid.value")).isEqualTo(10000);
        assertThat(shipped.number("amounts.balance.value")).isZero();

        Answer again = api.post(TEST_KEY, payments + "/shipments", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("INVALID_STATE");
        assertThat(api.get(TEST_KEY, payments).json().path("bookings")).hasSize(4);
    }

    @Test
    void aDeclinedPaymentIsCreatedInErrorWithTheProvidersReasonAndCannotBeRefunded() {
        Answer declined = create("authorization", "CARD", 1951, card());
        assertThat(declined.status()).isEqualTo(201);
        assertThat(declined.text("status")).isEqualTo("ERROR");
        assertThat(declined.text("errorCode")).isEqualTo("DECLINED");
        assertThat(declined.text("errorMessage")).contains("declined");
        long txid = declined.number("txid");
        Answer refund = api.post(
                TEST_KEY,
                "/api/v1/payments/" + txid + "/refunds",
                "{\"amount\": {\"value\": 100, \"currency\": \"EUR\"}}");
        assertThat(refund.status()).isEqualTo(409);
        assertThat(refund.text("code")).isEqualTo("INVALID_STATE");
        assertThat(api.get(TEST_KEY, "/api/v1/payments/" + txid + "/shippable").body())
                .contains("\"shippable\":false");
        assertThat(jdbc.queryForList(
                        "select direction from provider_log where txid = ? order by id", String.class, txid))
                .containsExactly("REQUEST", "ANSWER");
    }

    @Test
    void anUnreachableProviderIsRetriedAndOnlyThenAnError() {
        Answer unreachable = create("authorization", "WALLET", 2052, "");
        assertThat(unreachable.text("status")).isEqualTo("ERROR");
        assertThat(unreachable.text("errorCode")).isEqualTo("PROVIDER_UNAVAILABLE");
        customerId = customerId + "b";
        Answer secondTry = create("authorization", "WALLET", 2055, "");
        assertThat(secondTry.text("status")).isEqualTo("OK");
        assertThat(secondTry.number("amounts.paid.value")).isEqualTo(2055);
    }

    @Test
    void aDirectDebitKeepsTheIbanEncryptedWithAMandateAndMayShipWhileInProcessing() {
        Answer created = create(
                "authorization",
                "DIRECT_DEBIT",
                2500,
                ", \"bankAccount\": {\"holder\": \"Jana Schröder\", \"iban\": \"de89 3704 0044 0532 0130 00\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("IN_PROCESSING");
        assertThat(created.number("amounts.receivable.value")).isEqualTo(2500);
        long txid = created.number("txid");
        assertThat(api.get(TEST_KEY, "/api/v1/payments/" + txid + "/shippable").body())
                .contains("\"shippable\":true");
        var account = jdbc.queryForMap(
                "select a.iban_cipher, a.iban_masked, m.mandate_reference from payment_process p"
                        + " join debtor_bank_account a on a.id = p.bank_account_id join sepa_mandate m on m.id = p.mandate_id"
                        + " where p.txid = ?",
                txid);
        assertThat((String) account.get("iban_cipher")).startsWith("v1:").doesNotContain("3704");
        assertThat(account.get("iban_masked")).isEqualTo("DE89…3000");
        assertThat((String) account.get("mandate_reference")).startsWith("KM");
        assertThat(jdbc.queryForObject(
                        "select count(*) from debtor_change c join debtor d on d.id = c.debtor_id"
                                + " where d.customer_id = ? and c.field = 'bankAccount' and c.new_value like 'DE89…3000%'",
                        Long.class, customerId))
                .isEqualTo(1);
        // the next debit from this IBAN uses the same account and mandate
        long again = create(
                        "authorization",
                        "DIRECT_DEBIT",
                        1500,
                        ", \"bankAccount\": {\"holder\": \"Jana Schröder\", \"iban\": \"DE89370400440532013000\"}")
                .number("txid");
        assertThat(jdbc.queryForMap("select bank_account_id, mandate_id from payment_process where txid = ?", again))
                .isEqualTo(jdbc.queryForMap(
                        "select bank_account_id, mandate_id from payment_process where txid = ?", txid));
        assertThat(jdbc.queryForObject(
                        "select count(*) from sepa_mandate m join debtor d on d.id = m.debtor_id"
                                + " where d.customer_id = ?",
                        Long.class,
                        customerId))
                .isEqualTo(1);
    }

    @Test
    void aDirectDebitWithoutBankAccountAndAFullCardNumberAreRefusedNamingTheField() {
        Answer noAccount = create("authorization", "DIRECT_DEBIT", 2500, "");
        assertThat(noAccount.status()).isEqualTo(422);
        assertThat(noAccount.body()).contains("\"field\":\"bankAccount\"");
        Answer badIban = create(
                "authorization",
                "DIRECT_DEBIT",
                2500,
                ", \"bankAccount\": {\"holder\": \"Jana\", \"iban\": \"DE88 3704 0044 0532 0130 00\"}");
        assertThat(badIban.status()).isEqualTo(422);
        assertThat(badIban.body()).contains("\"field\":\"bankAccount.iban\"");
        Answer fullNumber = create("authorization", "CARD", 2500, """
                , "card": {"token": "4111 1111 1111 1111", "brand": "VISA", "last4": "1111", "expiryMonth": 1,
                           "expiryYear": 2030}""");
        assertThat(fullNumber.status()).isEqualTo(422);
        assertThat(fullNumber.text("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(fullNumber.body()).contains("\"field\":\"card.token\"").doesNotContain("4111 1111");
        assertThat(api.get(TEST_KEY, "/api/v1/debtors/" + customerId).status()).isEqualTo(404);
    }

    @Test
    void strictInputRefusesWrongTypesUnknownMethodsAndANewCustomerWithoutDebtor() {
        assertThat(api.post(TEST_KEY, "/api/v1/payments", payment("Authorization", "INVOICE", 100, ""))
                        .body())
                .contains("\"field\":\"type\"");
        assertThat(api.post(TEST_KEY, "/api/v1/payments", payment("authorization", "invoice", 100, ""))
                        .status())
                .isEqualTo(422);
        assertThat(api.post(
                                TEST_KEY,
                                "/api/v1/payments",
                                payment("authorization", "INVOICE", 100, "")
                                        .replace("\"value\": 100", "\"value\": 19.99"))
                        .body())
                .contains("\"code\":\"VALIDATION_FAILED\"")
                .contains("amount.value");
        Answer noDebtor = api.post(TEST_KEY, "/api/v1/payments", """
                {"type": "authorization", "customerId": "%s", "reference": "R1",
                 "amount": {"value": 100, "currency": "EUR"}, "paymentMethod": "INVOICE"}""".formatted(customerId));
        assertThat(noDebtor.status()).isEqualTo(422);
        assertThat(noDebtor.body()).contains("\"field\":\"debtor\"");
    }

    @Test
    void refundsStayWithinWhatWasCollectedAndAboveTheThresholdWaitForApproval() {
        long txid = create("authorization", "CARD", 30000, card()).number("txid");
        String refunds = "/api/v1/payments/" + txid + "/refunds";
        Answer partial = api.post(TEST_KEY, refunds, "{\"amount\": {\"value\": 6000, \"currency\": \"EUR\"}}");
        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.number("amounts.refunded.value")).isEqualTo(6000);
        assertThat(partial.number("amounts.paid.value")).isEqualTo(24000);
        assertThat(partial.number("amounts.balance.value")).isZero();
        assertThat(partial.text("status")).isEqualTo("OK");

        // the demo merchant's four-eyes threshold is 100.00 EUR and counts the sum of the process's refunds
        Answer pending = api.post(TEST_KEY, refunds, "{\"amount\": {\"value\": 5000, \"currency\": \"EUR\"}}");
        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(pending.number("approvalId")).isPositive();
        assertThat(pending.number("amount.value")).isEqualTo(5000);
        assertThat(api.get(TEST_KEY, "/api/v1/payments/" + txid).number("amounts.refunded.value"))
                .isEqualTo(6000);

        Answer tooMuch = api.post(TEST_KEY, refunds, "{\"amount\": {\"value\": 19001, \"currency\": \"EUR\"}}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.text("code")).isEqualTo("AMOUNT_EXCEEDS_LIMIT");
        Answer otherCurrency = api.post(TEST_KEY, refunds, "{\"amount\": {\"value\": 100, \"currency\": \"GBP\"}}");
        assertThat(otherCurrency.body()).contains("\"field\":\"amount.currency\"");
    }

    @Test
    void aBlacklistedEmailIsRefusedWithAnErrorProcessAndTheInlineDebtorIsNotApplied() {
        Answer refused = api.post(
                TEST_KEY,
                "/api/v1/payments",
                payment("authorization", "INVOICE", 1000, "")
                        .replace("jana." + customerId.toLowerCase() + "@example.org", " Blocked@Example.com "));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("BLACKLISTED");
        long txid = refused.number("txid");
        Answer process = api.get(TEST_KEY, "/api/v1/payments/" + txid);
        assertThat(process.text("status")).isEqualTo("ERROR");
        assertThat(process.text("errorCode")).isEqualTo("BLACKLISTED");
        assertThat(api.get(TEST_KEY, "/api/v1/debtors/" + customerId).status()).isEqualTo(404);
    }

    @Test
    void aBlacklistedIbanBlocksDirectDebitAndABlacklistedTokenBlocksCards() {
        Answer iban = create(
                "authorization",
                "DIRECT_DEBIT",
                1000,
                ", \"bankAccount\": {\"holder\": \"Jana\", \"iban\": \"DE02120300000000202051\"}");
        assertThat(iban.text("code")).isEqualTo("BLACKLISTED");
        Answer token = create("authorization", "CARD", 1000, """
                , "card": {"token": "tok_blocked_4242", "brand": "VISA", "last4": "4242", "expiryMonth": 1,
                           "expiryYear": 2030}""");
        assertThat(token.text("code")).isEqualTo("BLACKLISTED");
        assertThat(create("authorization", "INVOICE", 1000, "").status()).isEqualTo(201);
    }

    @Test
    void liveModeWithoutProviderRefusesCardsButTakesInvoicesAndKeysSeeOnlyTheirOwnProcesses() {
        Answer card = api.post(LIVE_KEY, "/api/v1/payments", payment("authorization", "CARD", 1000, card()));
        assertThat(card.status()).isEqualTo(422);
        assertThat(card.text("code")).isEqualTo("PROVIDER_NOT_CONFIGURED");
        Answer invoice = api.post(LIVE_KEY, "/api/v1/payments", payment("authorization", "INVOICE", 1000, ""));
        assertThat(invoice.status()).isEqualTo(201);
        assertThat(invoice.json().path("providerReference").isNull()).isTrue();
        long liveTxid = invoice.number("txid");
        Answer liveRefund = api.post(
                LIVE_KEY,
                "/api/v1/payments/" + liveTxid + "/refunds",
                "{\"amount\": {\"value\": 100, \"currency\": \"EUR\"}}");
        assertThat(liveRefund.status()).isEqualTo(422); // no provider to pay it out through: refused, nothing reserved
        assertThat(liveRefund.text("code")).isEqualTo("PROVIDER_NOT_CONFIGURED");
        long testTxid = create("authorization", "INVOICE", 1000, "").number("txid");
        assertThat(testTxid).isGreaterThan(liveTxid);

        assertThat(api.get(TEST_KEY, "/api/v1/payments/" + liveTxid).status()).isEqualTo(404);
        assertThat(api.get(BAKER_TEST_KEY, "/api/v1/payments/" + testTxid).status())
                .isEqualTo(404);
        assertThat(api.post(
                                BAKER_TEST_KEY,
                                "/api/v1/payments/" + testTxid + "/refunds",
                                "{\"amount\": {\"value\": 100, \"currency\": \"EUR\"}}")
                        .text("code"))
                .isEqualTo("NOT_FOUND");
        assertThat(api.get(TEST_KEY, "/api/v1/payments/" + testTxid).status()).isEqualTo(200);
        assertThat(api.get("wrong", "/api/v1/payments/" + testTxid).status()).isEqualTo(401);
    }

    @Test
    void aPersonMovesMoneyOnlyAsFinanceOrAdmin() {
        long txid = create("authorization", "CARD", 5000, card()).number("txid");
        long merchant = jdbc.queryForObject("select id from merchant where name = 'Müller Handels GmbH'", Long.class);
        com.kontor.tenancy.Partition test = new com.kontor.tenancy.Partition(merchant, com.kontor.tenancy.Mode.TEST);
        com.kontor.testsupport.TestUsers users = new com.kontor.testsupport.TestUsers(jdbc);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.as(
                        "support@mueller.example",
                        () -> com.kontor.tenancy.TenancyScope.inPartition(
                                test,
                                () -> refunds.refund(
                                        txid,
                                        com.kontor.money.Money.of(100, "EUR"),
                                        com.kontor.audit.Actor.system("test")))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(api.get(TEST_KEY, "/api/v1/payments/" + txid).number("amounts.refunded.value"))
                .isZero();
    }

    @Test
    void theStoredSummaryOfEveryProcessEqualsTheSumOfItsBookings() {
        create("preauthorization", "CARD", 7000, card());
        assertThat(jdbc.queryForList("""
                select p.txid from payment_process p
                left join (select txid, sum(debit) d, sum(credit) c from booking group by txid) b on b.txid = p.txid
                where p.receivable <> coalesce(b.d, 0) or p.paid <> coalesce(b.c, 0)""", Long.class)).isEmpty();
    }
}
