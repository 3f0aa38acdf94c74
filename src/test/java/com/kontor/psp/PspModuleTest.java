package com.kontor.psp;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.NewProcess;
import com.kontor.ledger.Opening;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.TestMerchant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The psp module with the modules it declares (ledger, debtor, tenancy, ...) against MariaDB, without the HTTP side:
 * a PAYONE notification for a portal's key is stored, booked once through the ledger by the notification job and a
 * repeat books nothing; an Adyen batch with a wrong signature is refused whole; the simulator's pending answer is
 * decided later through the same path as a notification.
 */
@Tag("module")
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class PspModuleTest {

    @Autowired
    NotificationInbox inbox;

    @Autowired
    ProviderAccounts accounts;

    @Autowired
    ProviderGateway gateway;

    @Autowired
    ProviderDirectory providers;

    @Autowired
    ProviderLog providerLog;

    @Autowired
    Ledger ledger;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TestMerchant merchant;
    private String payonePortal;

    @BeforeEach
    void aMerchantWithAPayoneAccount() {
        merchant = TestMerchant.create(platform, jdbc, null);
        payonePortal = Long.toString(System.nanoTime() % 1_000_000_000_000L);
        TenancyScope.inPartition(
                merchant.test(),
                () -> SystemScope.run("module test", () -> {
                    accounts.setPayone(merchant.portalId(), payonePortal, "module-key");
                    return null;
                }));
    }

    /** An invoice of the simulator, as the operation module would have opened it. */
    private long invoice(long amount) {
        return TenancyScope.inPartition(
                merchant.test(),
                () -> new TransactionTemplate(transactionManager).execute(status -> {
                    long txid = ledger.nextTxid();
                    return ledger.open(
                                    new NewProcess(
                                            txid,
                                            merchant.portalId(),
                                            null,
                                            "PSP-" + txid,
                                            "ORD-" + txid,
                                            ProcessType.AUTHORIZATION,
                                            PaymentMethod.INVOICE,
                                            Money.of(amount, "EUR"),
                                            Instant.now(),
                                            null,
                                            null,
                                            null,
                                            null,
                                            ProviderDirectory.SIMULATOR,
                                            "sim-" + txid,
                                            null),
                                    new Opening.Opened(null),
                                    BookingSource.API)
                            .txid();
                }));
    }

    private Map<String, String> paid(long txid, String key) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(
                "key",
                HexFormat.of()
                        .formatHex(MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8))));
        form.put("portalid", payonePortal);
        form.put("mode", "test");
        form.put("txaction", "paid");
        form.put("txid", "sim-" + txid);
        form.put("sequencenumber", "0");
        form.put("price", "12.34");
        form.put("receivable", "12.34");
        form.put("balance", "0.00");
        form.put("currency", "EUR");
        return form;
    }

    private long paid(long txid) {
        return jdbc.queryForObject("select paid from payment_process where txid = ?", Long.class, txid);
    }

    @Test
    void aPayoneNotificationIsBookedOnceThroughTheLedgerAndAWrongKeyStoresNothing() throws Exception {
        long txid = invoice(1_234);

        assertThat(inbox.receivePayone(paid(txid, "guessed"))).isEqualTo(NotificationInbox.Outcome.REFUSED);
        assertThat(inbox.receivePayone(paid(txid, "module-key"))).isEqualTo(NotificationInbox.Outcome.STORED);
        assertThat(inbox.receivePayone(paid(txid, "module-key"))).isEqualTo(NotificationInbox.Outcome.REPEAT);

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> paid(txid) == 1_234);
        assertThat(jdbc.queryForObject(
                        "select count(*) from booking where txid = ? and booking_type = 'PAYMENT' and source = 'NOTIFICATION'",
                        Long.class,
                        txid))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from provider_notification where provider_reference = ?",
                        Long.class,
                        "sim-" + txid))
                .as("the refused one is not stored, the repeat not again")
                .isEqualTo(1);
    }

    @Test
    void anAdyenBatchWithAWrongSignatureIsRefusedWhole() {
        String body = """
                {"live": "false", "notificationItems": [{"NotificationRequestItem": {"eventCode": "CAPTURE",
                 "success": "true", "pspReference": "%s", "originalReference": "sim-1", "merchantReference": "ORD",
                 "merchantAccountCode": "UnknownAccount", "amount": {"value": 100, "currency": "EUR"},
                 "additionalData": {"hmacSignature": "bm90IGEgc2lnbmF0dXJl"}}}]}""".formatted("psp-" + UUID.randomUUID());
        assertThat(inbox.receiveAdyen(JsonMapper.builder().build().readTree(body)))
                .isEqualTo(NotificationInbox.Outcome.REFUSED);
    }

    @Test
    void theSimulatorsPendingAnswerIsLoggedAndDecidedLaterThroughTheNotificationPath() {
        long txid = invoice(10_000);
        TenancyScope.inPartition(
                merchant.test(),
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    LockedProcess process =
                            ledger.lock(txid, BookingSource.PROVIDER).orElseThrow();
                    PaymentProvider simulator = providers
                            .byName(merchant.test(), process.provider())
                            .orElseThrow();
                    // amount ending in 53: the simulator answers "pending" and approves after its delay
                    ProviderCall call = gateway.call(
                            simulator,
                            ProviderOperation.CAPTURE,
                            new ProviderRequest(
                                    UUID.randomUUID().toString(),
                                    txid,
                                    process.reference(),
                                    process.method(),
                                    4_053,
                                    "EUR",
                                    process.providerReference(),
                                    null,
                                    null,
                                    null));
                    assertThat(call.answer().outcome()).isEqualTo(ProviderAnswer.Outcome.PENDING);
                    providerLog.record(txid, call);
                }));

        assertThat(TenancyScope.inPartition(merchant.test(), () -> providerLog.of(txid)))
                .extracting(ProviderExchange::direction, ProviderExchange::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("REQUEST", null),
                        org.assertj.core.groups.Tuple.tuple("ANSWER", "PENDING"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> paid(txid) == 4_053);
    }
}
