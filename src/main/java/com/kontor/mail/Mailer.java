package com.kontor.mail;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.debtor.DebtorService;
import com.kontor.mail.internal.EmailQueued;
import com.kontor.mail.internal.EmailStore;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.LetterheadService;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Queues emails to debtors (DUN-7, DOC-4) and keeps their copies. Live mode: sent after the commit, retried with
 * back-off while the mail server fails, never lost. Test mode: kept as OUTBOX and never sent (ACC-3).
 */
@Service
public class Mailer {

    /** Who may send a FAILED email again. */
    public static final Set<Role> RESENDERS = EnumSet.of(Role.FINANCE, Role.ADMIN);

    private final EmailStore store;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final LetterheadService letterheads;
    private final DebtorService debtors;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final MailProperties properties;
    private final Clock clock;

    public Mailer(
            EmailStore store,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            LetterheadService letterheads,
            DebtorService debtors,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            MailProperties properties,
            Clock clock) {
        this.store = store;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.letterheads = letterheads;
        this.debtors = debtors;
        this.auditLog = auditLog;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * In the caller's transaction and current partition: stores the copy (headers, body, attachment reference). Live
     * mode: sent after commit, retried with back-off on SMTP failure, never lost. Test mode: status OUTBOX, never
     * sent. The sender is the letterhead's email address, else {@code kontor.mail.from}. Returns the copy's id.
     */
    @Transactional
    public long queue(OutgoingEmail email) {
        if (!StringUtils.hasText(email.to())
                || email.to().length() > 254
                || !email.to().contains("@")) {
            throw new IllegalArgumentException("An email needs a recipient address");
        }
        if (email.subject() == null || email.body() == null || email.purpose() == null) {
            throw new IllegalArgumentException("An email needs a subject, a body and a purpose");
        }
        Partition partition = currentTenancy.requirePartition();
        boolean live = partition.mode() == Mode.LIVE;
        Instant now = now();
        String from = letterheads.current().email();
        EmailCopy copy = new EmailCopy(
                0,
                email.debtorId(),
                email.txid(),
                StringUtils.hasText(from) ? from : properties.from(),
                email.to().strip(),
                email.subject().length() > 500 ? email.subject().substring(0, 500) : email.subject(),
                email.body(),
                email.attachmentDocumentNumber(),
                email.purpose(),
                live ? EmailStatus.QUEUED : EmailStatus.OUTBOX,
                0,
                null,
                now,
                null,
                live ? now : null,
                null);
        long id = store.insert(partition, copy);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", id);
        details.put("purpose", email.purpose().name());
        details.put("to", copy.to());
        details.put("subject", copy.subject());
        if (email.attachmentDocumentNumber() != null) {
            details.put("attachment", email.attachmentDocumentNumber());
        }
        details.put("status", copy.status().name());
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                actor(),
                AuditEventType.EMAIL_QUEUED,
                email.debtorId() == null
                        ? null
                        : debtors.debtorNumber(email.debtorId()).orElse(null),
                email.txid(),
                null,
                details));
        if (live) {
            events.publishEvent(new EmailQueued(id));
        }
        return id;
    }

    /** Queues a FAILED live email of the current partition again, with fresh attempts (FINANCE, ADMIN; audited). */
    @Transactional
    public void sendAgain(long emailId) {
        KontorUser user = currentUser
                .get()
                .filter(u -> u.roles().stream().anyMatch(RESENDERS::contains))
                .orElseThrow(() -> new AccessDeniedException("Emails are sent again by " + RESENDERS + " only"));
        Partition partition = currentTenancy.requirePartition();
        EmailCopy copy = store.find(partition, emailId)
                .orElseThrow(() -> new IllegalArgumentException("No email " + emailId + " in " + partition.key()));
        if (!store.requeue(partition, emailId, now())) {
            throw new IllegalStateException("Email " + emailId + " is " + copy.status() + ", not FAILED");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", emailId);
        details.put("to", copy.to());
        details.put("attempts", copy.attempts());
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                user.asActor(),
                AuditEventType.EMAIL_RESENT,
                copy.debtorId() == null
                        ? null
                        : debtors.debtorNumber(copy.debtorId()).orElse(null),
                copy.txid(),
                null,
                details));
        events.publishEvent(new EmailQueued(emailId));
    }

    private Actor actor() {
        return currentUser.get().map(KontorUser::asActor).orElseGet(() -> Actor.system("mail"));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
