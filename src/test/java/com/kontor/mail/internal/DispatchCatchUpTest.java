package com.kontor.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kontor.audit.Actor;
import com.kontor.debtor.CardData;
import com.kontor.debtor.MasterData;
import com.kontor.document.DocumentIssuer;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.operation.NewPayment;
import com.kontor.operation.PaymentCreation;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DOC-4's catch-up: a document whose dispatch a crash left PENDING (committed, but the worker never ran) is
 * dispatched by the next round, once; a second round finds nothing.
 */
@IntegrationTest
class DispatchCatchUpTest {

    @Autowired
    DocumentDispatching dispatching;

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

    @Test
    void aDispatchLeftPendingIsDoneByTheCatchUpOnce() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        Partition partition = merchant.test();
        String customer = "CATCH-" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        long txid = TenancyScope.inPartition(
                        partition,
                        () -> creation.create(
                                merchant.portalId(),
                                new NewPayment(
                                        ProcessType.AUTHORIZATION,
                                        customer,
                                        MasterData.ofName("Paul", "Post"),
                                        "ORD-" + customer,
                                        Money.of(1_000, "EUR"),
                                        PaymentMethod.CARD,
                                        null,
                                        new CardData("tok_" + customer, "VISA", "4242", 12, 2030, null),
                                        null),
                                Actor.system("catch-up test shop")))
                .txid();
        String number = TenancyScope.inPartition(
                        partition,
                        () -> new TransactionTemplate(transactionManager).execute(s -> issuer.issueInvoice(txid)))
                .number();
        await().atMost(Duration.ofSeconds(20)).until(() -> "POST".equals(channel(partition, number)));

        // as if the server had died between the issuing commit and the worker
        jdbc.update(
                "update document_dispatch set channel = 'PENDING', dispatched_at = null"
                        + " where partition_key = ? and document_number = ?",
                partition.key(),
                number);
        assertThat(dispatching.catchUpNow(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        assertThat(channel(partition, number)).isEqualTo("POST");
        assertThat(dispatching.dispatch(partition, number))
                .as("nothing left to dispatch")
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where merchant_id = ? and event_type = 'DOCUMENT_DISPATCHED'",
                        Integer.class,
                        merchant.id()))
                .isEqualTo(2);
    }

    private String channel(Partition partition, String number) {
        return jdbc
                .queryForList(
                        "select channel from document_dispatch where partition_key = ? and document_number = ?",
                        String.class,
                        partition.key(),
                        number)
                .stream()
                .findFirst()
                .orElse(null);
    }
}
