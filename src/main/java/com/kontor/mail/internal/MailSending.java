package com.kontor.mail.internal;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.document.DocumentPdf;
import com.kontor.document.DocumentQueries;
import com.kontor.mail.EmailCopy;
import com.kontor.mail.EmailStatus;
import com.kontor.mail.MailProperties;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.TenancyScope;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends live-mode emails (DUN-7, DOC-4). The table is the queue and the retry: right after the queuing transaction
 * commits, a worker sends the email; a sweep every {@code kontor.mail.retry-interval} sends what is due (a worker
 * missed it, or an attempt failed). Each email is sent in a transaction that holds its row ({@code FOR UPDATE SKIP
 * LOCKED}), so two sweeps or two servers never send it twice. A failed attempt waits 1 min, then twice as long each
 * time up to 1 h; after {@code kontor.mail.max-attempts} the email is FAILED and waits for "send again". Test-mode
 * emails are OUTBOX and never get here (ACC-3).
 */
@Component
public class MailSending {

    private static final Logger log = LoggerFactory.getLogger(MailSending.class);

    static final Duration FIRST_BACK_OFF = Duration.ofMinutes(1);
    static final Duration LONGEST_BACK_OFF = Duration.ofHours(1);

    /** At most this many emails per sweep; the next sweep takes the rest. */
    static final int SWEEP_BATCH = 100;

    private final EmailStore store;
    private final ObjectProvider<JavaMailSender> senders;
    private final DocumentQueries documents;
    private final AuditLog auditLog;
    private final MailProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    /** How long a claimed email is kept from other senders while one sends it. */
    static final Duration LEASE = Duration.ofMinutes(5);

    MailSending(
            EmailStore store,
            ObjectProvider<JavaMailSender> senders,
            DocumentQueries documents,
            AuditLog auditLog,
            MailProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.senders = senders;
        this.documents = documents;
        this.auditLog = auditLog;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        // one thread: SMTP servers limit connections anyway; a full queue is left to the sweep
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000),
                Thread.ofPlatform().name("mail-sending").daemon().factory(),
                (task, executor) -> log.info("Mail queue full; the sweep sends the rest"));
    }

    /** After the commit (or at once outside a transaction): send it off the caller's thread. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onQueued(EmailQueued queued) {
        worker.execute(() -> {
            try {
                send(queued.id());
            } catch (RuntimeException e) {
                log.warn("Sending email {} failed, the sweep tries again: {}", queued.id(), e.toString());
            }
        });
    }

    /** Sends email {@code id} if it is waiting and no one else is sending it; answers whether it was attempted. */
    public boolean send(long id) {
        return leased(() -> store.claim(id));
    }

    /**
     * Claims an email in a transaction of its own that leases it for {@link #LEASE} (its next attempt moved past the
     * sending), then sends it in a second one. The committed lease is what keeps a second server away on a Galera
     * cluster, where {@code SKIP LOCKED} holds on one node only: of two servers that claim the same email on
     * different nodes, one is refused at commit before anything is sent. A server that dies while sending leaves the
     * email to the sweep once the lease has passed.
     */
    private boolean leased(Supplier<Optional<StoredEmail>> claim) {
        Optional<StoredEmail> claimed;
        try {
            claimed = transaction.execute(status -> claim.get().map(email -> {
                store.lease(email.copy().id(), now().plus(LEASE));
                return email;
            }));
        } catch (CannotAcquireLockException takenElsewhere) {
            return false;
        }
        if (claimed == null || claimed.isEmpty()) {
            return false;
        }
        transaction.executeWithoutResult(status -> attempt(claimed.get()));
        return true;
    }

    @Scheduled(
            initialDelayString = "${kontor.mail.retry-interval:30s}",
            fixedDelayString = "${kontor.mail.retry-interval:30s}")
    void sweep() {
        try {
            sweepNow();
        } catch (RuntimeException e) {
            log.warn("Mail sweep failed: {}", e.toString());
        }
    }

    /** One sweep: attempts every email due now, one transaction each; answers how many it attempted. */
    public int sweepNow() {
        int attempted = 0;
        while (attempted < SWEEP_BATCH) {
            if (!leased(() -> store.claimDue(now()))) {
                break;
            }
            attempted++;
        }
        return attempted;
    }

    /** One attempt, inside the transaction that holds the email's row (leased before). */
    private void attempt(StoredEmail email) {
        EmailCopy copy = email.copy();
        if (email.partition().mode() != Mode.LIVE) {
            // never reached for copies Kontor wrote (test mode writes OUTBOX); a guard for ACC-3 all the same
            store.markFailedAttempt(copy.id(), EmailStatus.OUTBOX, null, null);
            return;
        }
        try {
            JavaMailSender sender = senders.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("No mail server configured (spring.mail.host)");
            }
            MimeMessage message = sender.createMimeMessage();
            String messageId = messageId(email);
            compose(message, email);
            message.setHeader("Message-ID", messageId);
            sender.send(message);
            store.markSent(copy.id(), messageId, now());
        } catch (RuntimeException | MessagingException e) {
            int attempts = copy.attempts() + 1;
            String error = error(e);
            if (attempts >= properties.maxAttempts()) {
                store.markFailedAttempt(copy.id(), EmailStatus.FAILED, error, null);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("email", copy.id());
                details.put("to", copy.to());
                details.put("attempts", attempts);
                details.put("error", error);
                auditLog.record(new AuditEntry(
                        email.partition().merchantId(),
                        email.partition().mode().name(),
                        Actor.system("mail sending"),
                        AuditEventType.EMAIL_FAILED,
                        null,
                        copy.txid(),
                        null,
                        details));
                log.warn("Email {} failed for good after {} attempts: {}", copy.id(), attempts, error);
            } else {
                store.markFailedAttempt(copy.id(), EmailStatus.RETRYING, error, now().plus(backOff(attempts)));
                log.info("Email {} attempt {} failed, retrying: {}", copy.id(), attempts, error);
            }
        }
    }

    private void compose(MimeMessage message, StoredEmail email) throws MessagingException {
        EmailCopy copy = email.copy();
        String number = copy.attachmentDocumentNumber();
        MimeMessageHelper helper = new MimeMessageHelper(message, number != null, "UTF-8");
        helper.setFrom(copy.from());
        helper.setTo(copy.to());
        helper.setSubject(copy.subject());
        helper.setText(copy.body(), false);
        if (number != null) {
            Optional<DocumentPdf> pdf = TenancyScope.inPartition(email.partition(), () -> documents.pdf(number));
            if (pdf.isEmpty()) {
                throw new IllegalStateException("The attachment " + number + " is not in the archive");
            }
            helper.addAttachment(
                    pdf.get().fileName(), new ByteArrayResource(pdf.get().bytes()), "application/pdf");
        }
    }

    /** The same Message-ID for every attempt, so a receiver can drop a duplicate. */
    private static String messageId(StoredEmail email) {
        String from = email.copy().from();
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1) : "kontor.invalid";
        return "<kontor." + email.partition().key().replace(':', '.') + "."
                + email.copy().id() + "@" + domain + ">";
    }

    /** 1 min after the first failure, doubling up to 1 h. */
    static Duration backOff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 10);
        Duration wait = FIRST_BACK_OFF.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : wait;
    }

    /** What went wrong, short: the exception and its root cause (e.g. "Connection refused"). */
    private static String error(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = e.getClass().getSimpleName() + ": "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        String text = root == e ? first : first + " (" + root + ")";
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Emails waiting for the worker or being sent by it now (approximate, as the executor counts). */
    public int pending() {
        return worker.getQueue().size() + worker.getActiveCount();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
