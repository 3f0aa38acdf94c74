package com.kontor.document.internal;

import com.kontor.db.RetryingTransactions;
import com.kontor.document.DocumentIssuer;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ProcessStatusChanged;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every invoice-method process gets its invoice (DOC-2), but not in the payment's transaction, which must stay fast:
 * once the process's opening is committed, a worker thread issues the invoice in a transaction of its own. What a
 * crash or a full queue missed, a catch-up finds every minute: invoice-method processes without an invoice number in
 * the partitions of merchants who booked DOCUMENTS. Issuing twice is harmless: the issuer answers an existing invoice.
 */
@Component
class InvoiceIssuing {

    private static final Logger log = LoggerFactory.getLogger(InvoiceIssuing.class);

    /** Processes the catch-up leaves to the worker for a moment: the worker issues them right after their commit. */
    static final Duration GRACE = Duration.ofSeconds(30);

    /** At most this many invoices per partition and round; the next round takes the rest. */
    static final int CATCH_UP_BATCH = 200;

    private static final String UNINVOICED = """
            select txid from payment_process
            where partition_key = ? and payment_method = 'INVOICE' and invoice_number is null
              and status in ('OPEN', 'OK') and created_at < ?
            order by txid limit %d""".formatted(CATCH_UP_BATCH);

    private final DocumentIssuer issuer;
    private final JdbcTemplate jdbc;
    private final RetryingTransactions transaction;
    private final Clock clock;
    private final ThreadPoolExecutor worker;

    InvoiceIssuing(
            DocumentIssuer issuer, JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.issuer = issuer;
        this.jdbc = jdbc;
        this.transaction = new RetryingTransactions(transactionManager);
        this.clock = clock;
        // one thread: invoices of one merchant queue at its counter anyway; a full queue is left to the catch-up
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000),
                Thread.ofPlatform().name("invoice-issuing").daemon().factory(),
                (task, executor) -> log.info("Invoice queue full; the catch-up issues the rest"));
    }

    /**
     * A process that just opened (or left processing) as OPEN or OK: if it is an invoice-method process of a merchant
     * with DOCUMENTS booked, its invoice is issued after the commit, off the payment's thread.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onStatusChanged(ProcessStatusChanged changed) {
        boolean opened = changed.from() == null || changed.from() == ProcessStatus.IN_PROCESSING;
        if (opened && (changed.to() == ProcessStatus.OPEN || changed.to() == ProcessStatus.OK)) {
            worker.execute(() -> issueIfInvoiceMethod(changed.partition(), changed.txid()));
        }
    }

    private void issueIfInvoiceMethod(Partition partition, long txid) {
        try {
            List<String> method = jdbc.queryForList(
                    "select payment_method from payment_process"
                            + " where txid = ? and partition_key = ? and invoice_number is null",
                    String.class,
                    txid,
                    partition.key());
            if (method.equals(List.of("INVOICE"))) {
                issue(partition, txid);
            }
        } catch (RuntimeException e) {
            log.warn("Issuing the invoice of {} failed, the catch-up tries again: {}", txid, e.toString());
        }
    }

    /** Issues the invoice in a transaction of its own, in the process's partition; nothing when DOCUMENTS is off. */
    void issue(Partition partition, long txid) {
        TenancyScope.inPartition(
                partition,
                () -> transaction.run(status -> {
                    if (issuer.enabled()) {
                        issuer.issueInvoice(txid);
                    }
                }));
    }

    @Scheduled(
            initialDelayString = "${kontor.documents.catch-up-interval:60s}",
            fixedDelayString = "${kontor.documents.catch-up-interval:60s}")
    void catchUp() {
        int issued = catchUpNow();
        if (issued > 0) {
            log.info("Issued {} missed invoices", issued);
        }
    }

    /** One round of the catch-up; answers how many invoices it issued. */
    int catchUpNow() {
        List<Long> merchants = jdbc.queryForList(
                "select merchant_id from merchant_module where module = 'DOCUMENTS' order by merchant_id", Long.class);
        Timestamp before = Timestamp.from(Instant.now(clock).minus(GRACE));
        int issued = 0;
        for (long merchant : merchants) {
            for (com.kontor.tenancy.Mode mode : com.kontor.tenancy.Mode.values()) {
                Partition partition = new Partition(merchant, mode);
                for (long txid : jdbc.queryForList(UNINVOICED, Long.class, partition.key(), before)) {
                    try {
                        issue(partition, txid);
                        issued++;
                    } catch (RuntimeException e) {
                        log.warn("Catch-up: the invoice of {} could not be issued: {}", txid, e.toString());
                    }
                }
            }
        }
        return issued;
    }

    /** Issues waiting for the worker or being issued by it now (approximate, as the executor counts). */
    int pending() {
        return worker.getQueue().size() + worker.getActiveCount();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
