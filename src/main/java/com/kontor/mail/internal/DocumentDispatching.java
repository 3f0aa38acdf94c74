package com.kontor.mail.internal;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.db.RetryingTransactions;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorService;
import com.kontor.document.DocumentIssued;
import com.kontor.document.DocumentType;
import com.kontor.mail.EmailPurpose;
import com.kontor.mail.Mailer;
import com.kontor.mail.OutgoingEmail;
import com.kontor.tenancy.LetterheadService;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import jakarta.annotation.PreDestroy;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.StringUtils;

/**
 * DOC-4: every issued invoice and credit note goes to its debtor, by email with the PDF where the debtor has an
 * address, else it is marked for post; the dispatch is recorded. The issuing transaction only writes a PENDING row
 * (so nothing issued is lost); after its commit a worker dispatches in a transaction of its own, and a catch-up takes
 * what a crash or a full queue left pending. Dunning letters and mandates are not dispatched here.
 */
@Component
class DocumentDispatching {

    private static final Logger log = LoggerFactory.getLogger(DocumentDispatching.class);

    private static final String TEXTS = "vaadin-i18n.translations";

    /** Pending rows the catch-up leaves to the worker for a moment. */
    static final Duration GRACE = Duration.ofSeconds(30);

    static final int CATCH_UP_BATCH = 200;

    private final DispatchStore store;
    private final Mailer mailer;
    private final DebtorService debtors;
    private final LetterheadService letterheads;
    private final AuditLog auditLog;
    private final RetryingTransactions transaction;
    private final Clock clock;
    private final ThreadPoolExecutor worker;

    DocumentDispatching(
            DispatchStore store,
            Mailer mailer,
            DebtorService debtors,
            LetterheadService letterheads,
            AuditLog auditLog,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.mailer = mailer;
        this.debtors = debtors;
        this.letterheads = letterheads;
        this.auditLog = auditLog;
        this.transaction = new RetryingTransactions(transactionManager);
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000),
                Thread.ofPlatform().name("document-dispatch").daemon().factory(),
                (task, executor) -> log.info("Dispatch queue full; the catch-up dispatches the rest"));
    }

    private static boolean dispatched(DocumentType type) {
        return type == DocumentType.INVOICE || type == DocumentType.CREDIT_NOTE;
    }

    /** In the issuing transaction: one small row, the outbox entry of the document. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onIssued(DocumentIssued issued) {
        if (dispatched(issued.type())) {
            store.insertPending(issued, now());
        }
    }

    /** After the commit, off the issuing thread. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterIssued(DocumentIssued issued) {
        if (dispatched(issued.type())) {
            worker.execute(() -> {
                try {
                    dispatch(issued.partition(), issued.number());
                } catch (RuntimeException e) {
                    log.warn("Dispatching {} failed, the catch-up tries again: {}", issued.number(), e.toString());
                }
            });
        }
    }

    /** Dispatches document {@code number} if it is pending and no one else holds it; answers whether it did. */
    boolean dispatch(Partition partition, String number) {
        return Boolean.TRUE.equals(TenancyScope.inPartition(
                partition,
                () -> transaction.write(status -> store.claim(partition, number)
                        .map(issued -> {
                            dispatchNow(issued);
                            return true;
                        })
                        .orElse(false))));
    }

    private void dispatchNow(DocumentIssued issued) {
        Partition partition = issued.partition();
        Optional<DebtorDetails> debtor =
                issued.debtorId() == null ? Optional.empty() : debtors.details(issued.debtorId());
        String address = debtor.map(d -> d.masterData().email()).orElse(null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", issued.number());
        details.put("type", issued.type().name());
        if (StringUtils.hasText(address)) {
            Locale language = Locale.of(issued.language());
            String merchant = letterheads.current().name();
            String kind = issued.type().name();
            String amount = issued.amount().format(language);
            long emailId = mailer.queue(new OutgoingEmail(
                    issued.debtorId(),
                    issued.txid(),
                    address,
                    text("mail.document." + kind + ".subject", language, issued.number(), merchant, amount),
                    text("mail.document." + kind + ".body", language, issued.number(), merchant, amount),
                    issued.number(),
                    issued.type() == DocumentType.INVOICE ? EmailPurpose.INVOICE : EmailPurpose.CREDIT_NOTE));
            store.markEmail(partition, issued.number(), emailId, now());
            details.put("channel", "EMAIL");
            details.put("email", emailId);
        } else {
            store.markPost(partition, issued.number(), now());
            details.put("channel", "POST");
        }
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                Actor.system("document dispatch"),
                AuditEventType.DOCUMENT_DISPATCHED,
                debtor.map(DebtorDetails::debtorNumber).orElse(null),
                issued.txid(),
                null,
                details));
    }

    @Scheduled(
            initialDelayString = "${kontor.mail.retry-interval:30s}",
            fixedDelayString = "${kontor.mail.retry-interval:30s}")
    void catchUp() {
        try {
            int done = catchUpNow(GRACE);
            if (done > 0) {
                log.info("Dispatched {} documents the worker missed", done);
            }
        } catch (RuntimeException e) {
            log.warn("Dispatch catch-up failed: {}", e.toString());
        }
    }

    /** One round: dispatches what has been pending longer than {@code grace}; answers how many. */
    int catchUpNow(Duration grace) {
        int done = 0;
        for (DocumentIssued pending : store.pendingBefore(now().minus(grace), CATCH_UP_BATCH)) {
            try {
                if (dispatch(pending.partition(), pending.number())) {
                    done++;
                }
            } catch (RuntimeException e) {
                log.warn("Catch-up: {} could not be dispatched: {}", pending.number(), e.toString());
            }
        }
        return done;
    }

    private static String text(String key, Locale language, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                TEXTS, language, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), language).format(arguments);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
