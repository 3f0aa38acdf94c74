package com.kontor.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.audit.Actor;
import com.kontor.debtor.MasterData;
import com.kontor.document.DocumentIssuer;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.operation.NewPayment;
import com.kontor.operation.PaymentCreation;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * DOC-2's catch-up: an invoice-method process that got no invoice after its commit (here: the merchant booked
 * DOCUMENTS only afterwards, as after a crash the queued issue is lost) gets it in the next round, once; a process
 * younger than the grace period is left to the worker.
 */
@IntegrationTest
class InvoiceCatchUpTest {

    @Autowired
    DocumentIssuer issuer;

    @Autowired
    PaymentCreation creation;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InvoiceIssuing worker;

    @Test
    void aMissedInvoiceIsIssuedByTheNextRoundOnce() throws Exception {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        book(merchant, EnumSet.of(BookedModule.RISK));
        String customer = "CATCH-" + UUID.randomUUID().toString().substring(0, 8);
        long txid = TenancyScope.inPartition(
                        merchant.test(),
                        () -> creation.create(
                                merchant.portalId(),
                                new NewPayment(
                                        ProcessType.AUTHORIZATION,
                                        customer,
                                        MasterData.ofName("Carla", "Catchup"),
                                        "ORD-" + customer,
                                        Money.of(3_000, "EUR"),
                                        PaymentMethod.INVOICE,
                                        null,
                                        null,
                                        null),
                                Actor.system("catch-up test shop")))
                .txid();
        for (int i = 0; i < 200 && worker.pending() > 0; i++) {
            Thread.sleep(100); // the worker has its chance first
        }
        Thread.sleep(200);
        assertThat(invoices(txid))
                .as("DOCUMENTS was not booked: the worker issued nothing")
                .isZero();
        book(merchant, EnumSet.allOf(BookedModule.class));

        InvoiceIssuing now = new InvoiceIssuing(issuer, jdbc, transactionManager, Clock.systemUTC());
        now.catchUpNow();
        assertThat(invoices(txid))
                .as("younger than the grace period: left to the worker")
                .isZero();

        InvoiceIssuing later = new InvoiceIssuing(
                issuer,
                jdbc,
                transactionManager,
                Clock.offset(Clock.systemUTC(), InvoiceIssuing.GRACE.plus(Duration.ofSeconds(1))));
        try {
            assertThat(later.catchUpNow()).isPositive();
            assertThat(invoices(txid)).isOne();
            assertThat(jdbc.queryForObject(
                            "select invoice_number from payment_process where txid = ?", String.class, txid))
                    .isEqualTo("RE-000001");
            later.catchUpNow();
            assertThat(invoices(txid)).as("issued once").isOne();
        } finally {
            now.stop();
            later.stop();
        }
    }

    private int invoices(long txid) {
        return jdbc.queryForObject(
                "select count(*) from document where txid = ? and type = 'INVOICE'", Integer.class, txid);
    }

    private void book(TestMerchant merchant, EnumSet<BookedModule> modules) {
        SystemScope.run("catch-up test", () -> {
            platform.bookModules(merchant.id(), modules);
            return null;
        });
    }
}
