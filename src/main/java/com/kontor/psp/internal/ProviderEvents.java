package com.kontor.psp.internal;

import com.kontor.audit.Actor;
import com.kontor.audit.ActorType;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.debtor.DebtorService;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.BookingType;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ProcessStatus;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.Partition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a provider's event into bookings (PSP-3, the event table of API.md), in the caller's transaction and
 * partition: finds and locks the process, lets the provider's own rules book through the ledger, and records what
 * happened in the process's provider log and, when something was booked, in the audit log. An event the ledger
 * refuses goes to review and changes nothing.
 */
@Service
public class ProviderEvents {

    /** A provider's rules for its events, applied to the locked process. */
    @FunctionalInterface
    public interface Rules {
        EventOutcome apply(LockedProcess process, ProviderEvent event);
    }

    private final Ledger ledger;
    private final ProviderLogRepository providerLog;
    private final DebtorService debtors;
    private final CurrentTenancy currentTenancy;
    private final AuditLog auditLog;
    private final Clock clock;

    public ProviderEvents(
            Ledger ledger,
            ProviderLogRepository providerLog,
            DebtorService debtors,
            CurrentTenancy currentTenancy,
            AuditLog auditLog,
            Clock clock) {
        this.ledger = ledger;
        this.providerLog = providerLog;
        this.debtors = debtors;
        this.currentTenancy = currentTenancy;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Applies one event to the process the provider knows by {@code event.processReference()}. The notification job
     * calls this for several notifications in one transaction whose session writes only at commit: a query that must
     * see what an earlier event of that transaction wrote flushes first ({@link LockedProcess#hasBookingFor}); the
     * process itself comes back as the object already loaded.
     */
    @Transactional
    public EventOutcome apply(ProviderEvent event, Rules rules) {
        List<LockedProcess> found =
                ledger.lockByProviderReference(event.processReference(), BookingSource.NOTIFICATION);
        if (found.size() != 1) {
            return new EventOutcome(
                    EventOutcome.Result.REVIEW,
                    null,
                    found.isEmpty() ? "No process with this provider reference." : "Several processes share it.");
        }
        LockedProcess process = found.getFirst();
        if (event.currency() != null
                && !event.currency().equals(process.currency().getCurrencyCode())) {
            return outcome(
                    process,
                    event,
                    EventOutcome.Result.REVIEW,
                    "Currency " + event.currency() + " differs from the process's " + process.currency() + ".",
                    List.of());
        }
        return guarded(process, event, rules);
    }

    /** Applies the rules; what the ledger refuses goes to review, the process as it was. */
    public EventOutcome guarded(LockedProcess process, ProviderEvent event, Rules rules) {
        try {
            return rules.apply(process, event);
        } catch (IllegalStateException | IllegalArgumentException refused) {
            return outcome(
                    process,
                    event,
                    EventOutcome.Result.REVIEW,
                    "The ledger refused it: " + refused.getMessage(),
                    List.of());
        }
    }

    /**
     * The provider accepted or refused a card, wallet or online transfer process: PRE-AUTHORISED or OK, or ERROR with
     * the reason. Nothing new for a process decided at creation, or an open item that stays OPEN.
     */
    public EventOutcome authorised(
            LockedProcess process,
            ProviderEvent event,
            boolean approved,
            boolean preauthorisation,
            String errorCode,
            String errorMessage) {
        if (process.status() != ProcessStatus.IN_PROCESSING || !process.method().isProviderAuthorised()) {
            return nothing(process, event);
        }
        if (!approved) {
            process.failed(errorCode, errorMessage);
            return outcome(process, event, EventOutcome.Result.APPLIED, "authorisation refused", List.of());
        }
        return booked(
                process,
                event,
                preauthorisation ? process.preauthorised() : process.authorised(event.operationReference()));
    }

    public EventOutcome nothing(LockedProcess process, ProviderEvent event) {
        return outcome(process, event, EventOutcome.Result.NOTHING_NEW, "already reflected in the process", List.of());
    }

    public EventOutcome booked(LockedProcess process, ProviderEvent event, List<ProcessDetails.BookingLine> booked) {
        return outcome(process, event, EventOutcome.Result.APPLIED, booked.size() + " booking(s)", booked);
    }

    /** Records the outcome in the provider log and, when it applied, in the audit log. */
    public EventOutcome outcome(
            LockedProcess process,
            ProviderEvent event,
            EventOutcome.Result result,
            String detail,
            List<ProcessDetails.BookingLine> booked) {
        providerLog.save(new ProviderLogEntry(
                process.txid(),
                Instant.now(clock),
                "NOTIFICATION",
                event.event(),
                result.name(),
                event.amount(),
                event.operationReference(),
                detail));
        if (result == EventOutcome.Result.APPLIED) {
            Partition partition = currentTenancy.requirePartition();
            Long debtorNumber = process.debtorId() == null
                    ? null
                    : debtors.debtorNumber(process.debtorId()).orElse(null);
            long moved = booked.stream().mapToLong(b -> b.credit().minor()).sum();
            AuditEventType type = booked.stream().anyMatch(b -> b.type() == BookingType.CHARGEBACK)
                    ? AuditEventType.PAYMENT_CHARGEBACK
                    : booked.stream().anyMatch(b -> b.type() == BookingType.REFUND)
                            ? AuditEventType.PAYMENT_REFUNDED
                            : moved > 0 ? AuditEventType.PAYMENT_RECEIVED : AuditEventType.PAYMENT_EVENT_RECORDED;
            auditLog.record(new AuditEntry(
                    partition.merchantId(),
                    partition.mode().name(),
                    new Actor(ActorType.PROVIDER, event.source(), event.source()),
                    type,
                    debtorNumber,
                    process.txid(),
                    null,
                    Map.of(
                            "event",
                            event.event(),
                            "detail",
                            detail,
                            "status",
                            process.status().name())));
        }
        return new EventOutcome(result, process.txid(), detail);
    }
}
