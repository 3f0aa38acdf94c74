package com.kontor.payment;

import com.kontor.audit.Actor;
import com.kontor.audit.ActorType;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.debtor.DebtorService;
import com.kontor.payment.internal.Booking;
import com.kontor.payment.internal.BookingRepository;
import com.kontor.payment.internal.Ledger;
import com.kontor.payment.internal.PaymentProcess;
import com.kontor.payment.internal.PaymentProcessRepository;
import com.kontor.payment.internal.ProviderLogEntry;
import com.kontor.payment.internal.ProviderLogRepository;
import com.kontor.payment.provider.SimulatorProvider;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.Partition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a provider's notification into bookings (PSP-3, the event table of API.md), in the caller's transaction and
 * partition. PAYONE's cumulative receivable and balance are compared with the process's own sums, so an event the
 * process already reflects (booked from the provider's answer to Kontor's own capture or refund, or a repeat) books
 * nothing again. Adyen's capture and refund are matched by their pspReference against the bookings.
 */
@Service
public class ProviderEvents {

    private final PaymentProcessRepository processes;
    private final BookingRepository bookings;
    private final ProviderLogRepository providerLog;
    private final DebtorService debtors;
    private final CurrentTenancy currentTenancy;
    private final AuditLog auditLog;
    private final Clock clock;

    public ProviderEvents(
            PaymentProcessRepository processes,
            BookingRepository bookings,
            ProviderLogRepository providerLog,
            DebtorService debtors,
            CurrentTenancy currentTenancy,
            AuditLog auditLog,
            Clock clock) {
        this.processes = processes;
        this.bookings = bookings;
        this.providerLog = providerLog;
        this.debtors = debtors;
        this.currentTenancy = currentTenancy;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Applies one event. The notification job calls this for several notifications in one transaction whose session
     * writes only at commit: a query here that must see what an earlier event of that transaction wrote has to
     * flush first (as {@link #alreadyBooked} does); the process itself comes back as the object already loaded.
     */
    @Transactional
    public EventOutcome apply(ProviderEvent event) {
        List<PaymentProcess> found = processes.lockByProviderReference(event.processReference());
        if (found.size() != 1) {
            return new EventOutcome(
                    EventOutcome.Result.REVIEW,
                    null,
                    found.isEmpty() ? "No process with this provider reference." : "Several processes share it.");
        }
        PaymentProcess process = found.getFirst();
        if (event.currency() != null && !event.currency().equals(process.getCurrency())) {
            return outcome(
                    process,
                    event,
                    EventOutcome.Result.REVIEW,
                    "Currency " + event.currency() + " differs from the process's " + process.getCurrency() + ".",
                    List.of());
        }
        Instant now = Instant.now(clock);
        Ledger ledger = Ledger.at(now, BookingSource.NOTIFICATION);
        try {
            return event.source() == ProviderEvent.Source.PAYONE
                    ? payone(process, event, ledger)
                    : adyen(process, event, ledger);
        } catch (IllegalStateException | IllegalArgumentException refused) {
            return outcome(
                    process,
                    event,
                    EventOutcome.Result.REVIEW,
                    "The ledger refused it: " + refused.getMessage(),
                    List.of());
        }
    }

    /** A delayed outcome of the test-mode simulator, through the same path as notifications (API.md). */
    @Transactional
    public EventOutcome applySimulated(SimulatedOutcome outcome) {
        PaymentProcess process = processes.lockByTxid(outcome.txid()).orElse(null);
        if (process == null) {
            return new EventOutcome(EventOutcome.Result.REVIEW, outcome.txid(), "No such process.");
        }
        Ledger ledger = Ledger.at(Instant.now(clock), BookingSource.PROVIDER);
        ProviderEvent asEvent = new ProviderEvent(
                null,
                process.getProviderReference(),
                outcome.operation() + ":" + outcome.kind(),
                outcome.kind() != SimulatedOutcome.Kind.DECLINED,
                null,
                outcome.amount(),
                null,
                null,
                process.getCurrency(),
                outcome.providerTxn(),
                null,
                null);
        boolean approved = outcome.kind() != SimulatedOutcome.Kind.DECLINED;
        try {
            return switch (outcome.operation()) {
                case "debit" -> {
                    if (!approved) {
                        if (process.getStatus() == ProcessStatus.IN_PROCESSING && process.getPaid() == 0) {
                            ledger.failed(process, "DECLINED", "The direct debit was declined (simulator).");
                        }
                        yield outcome(process, asEvent, EventOutcome.Result.APPLIED, "debit declined", List.of());
                    }
                    yield booked(
                            process, asEvent, ledger.paymentReceived(process, outcome.amount(), outcome.providerTxn()));
                }
                case "preauthorisation", "authorisation" ->
                    authorised(
                            process,
                            asEvent,
                            ledger,
                            approved,
                            outcome.operation().equals("preauthorisation"),
                            "DECLINED",
                            "Declined by the provider after review (simulator).");
                case "capture" ->
                    approved
                            ? booked(
                                    process,
                                    asEvent,
                                    ledger.paymentReceived(process, outcome.amount(), outcome.providerTxn()))
                            : outcome(
                                    process,
                                    asEvent,
                                    EventOutcome.Result.REVIEW,
                                    "The capture was declined.",
                                    List.of());
                case "refund" -> {
                    ledger.release(process, outcome.amount());
                    if (!approved) {
                        ledger.refundWithdrawn(process, outcome.amount());
                        yield outcome(process, asEvent, EventOutcome.Result.APPLIED, "refund declined", List.of());
                    }
                    yield booked(process, asEvent, ledger.refunded(process, outcome.amount(), outcome.providerTxn()));
                }
                default -> outcome(process, asEvent, EventOutcome.Result.IGNORED, "unknown operation", List.of());
            };
        } catch (IllegalStateException | IllegalArgumentException refused) {
            return outcome(
                    process,
                    asEvent,
                    EventOutcome.Result.REVIEW,
                    "The ledger refused it: " + refused.getMessage(),
                    List.of());
        }
    }

    private EventOutcome payone(PaymentProcess process, ProviderEvent event, Ledger ledger) {
        int sequence = event.sequenceNumber() == null ? 0 : event.sequenceNumber();
        if (sequence <= process.getPayoneSequence()) {
            return new EventOutcome(
                    EventOutcome.Result.NOTHING_NEW,
                    process.getTxid(),
                    "Sequence number " + sequence + " was applied before.");
        }
        if (sequence > process.getPayoneSequence() + 1) {
            return new EventOutcome(
                    EventOutcome.Result.WAIT,
                    process.getTxid(),
                    "Waits for sequence number " + (process.getPayoneSequence() + 1) + ".");
        }
        process.setPayoneSequence(sequence);
        long receivable = event.receivable() == null ? process.getReceivable() : event.receivable();
        long paidTotal = event.balance() == null ? process.getPaid() : receivable - event.balance();
        String txn = event.operationReference();
        return switch (event.event()) {
            case "appointed" ->
                authorised(
                        process,
                        event,
                        ledger,
                        true,
                        process.getProcessType() == ProcessType.PREAUTHORIZATION,
                        null,
                        null);
            case "capture" -> {
                long delta = receivable - process.getReceivable();
                yield delta > 0 && process.getPreauthorized() > 0
                        ? booked(
                                process,
                                event,
                                ledger.captured(process, Math.min(delta, process.getPreauthorized()), txn, false))
                        : nothing(process, event);
            }
            case "paid", "underpaid" -> {
                long delta = paidTotal - process.getPaid();
                yield delta > 0
                        ? booked(process, event, ledger.paymentReceived(process, delta, txn))
                        : nothing(process, event);
            }
            case "refund", "debit" -> {
                long delta = process.getReceivable() - receivable;
                yield delta > 0
                        ? booked(process, event, ledger.refunded(process, delta, txn))
                        : nothing(process, event);
            }
            case "cancelation", "failed" -> {
                long delta = process.getPaid() - paidTotal;
                if (event.reason() != null) {
                    ledger.noteError(
                            process,
                            event.reason().toUpperCase(java.util.Locale.ROOT),
                            PayoneFailedCause.describe(event.reason()));
                }
                yield delta > 0
                        ? booked(process, event, ledger.chargeback(process, delta, 0, txn))
                        : outcome(process, event, EventOutcome.Result.APPLIED, event.event() + " recorded", List.of());
            }
            case "reminder" -> {
                if (event.reminderLevel() != null) {
                    process.setReminderLevel(event.reminderLevel());
                }
                yield outcome(
                        process,
                        event,
                        EventOutcome.Result.APPLIED,
                        "reminder level " + event.reminderLevel(),
                        List.of());
            }
            case "transfer" -> outcome(process, event, EventOutcome.Result.APPLIED, "transfer recorded", List.of());
            default -> outcome(process, event, EventOutcome.Result.IGNORED, "unknown txaction", List.of());
        };
    }

    private EventOutcome adyen(PaymentProcess process, ProviderEvent event, Ledger ledger) {
        String code = event.event();
        if (!code.equals("AUTHORISATION")
                && process.getStatus() == ProcessStatus.IN_PROCESSING
                && process.getPaymentMethod().isProviderAuthorised()) {
            return new EventOutcome(EventOutcome.Result.WAIT, process.getTxid(), "Waits for the AUTHORISATION.");
        }
        String txn = event.operationReference();
        long amount = event.amount() == null ? 0 : event.amount();
        if (!event.success()) {
            if (code.equals("AUTHORISATION")) {
                return authorised(
                        process,
                        event,
                        ledger,
                        false,
                        false,
                        "REFUSED",
                        event.reason() == null ? "Refused by the provider." : event.reason());
            }
            return outcome(process, event, EventOutcome.Result.APPLIED, code + " reported unsuccessful", List.of());
        }
        return switch (code) {
            case "AUTHORISATION" ->
                authorised(
                        process,
                        event,
                        ledger,
                        true,
                        process.getProcessType() == ProcessType.PREAUTHORIZATION,
                        null,
                        null);
            case "CAPTURE" ->
                alreadyBooked(process, txn)
                        ? nothing(process, event)
                        : booked(process, event, ledger.captured(process, amount, txn, true));
            case "REFUND" ->
                alreadyBooked(process, txn)
                        ? nothing(process, event)
                        : booked(process, event, ledger.refunded(process, amount, txn));
            case "CHARGEBACK", "SECOND_CHARGEBACK" ->
                alreadyBooked(process, txn)
                        ? nothing(process, event)
                        : booked(process, event, ledger.chargeback(process, amount, 0, txn));
            case "CHARGEBACK_REVERSED" -> {
                if (process.getStatus() != ProcessStatus.OPEN) {
                    yield new EventOutcome(EventOutcome.Result.WAIT, process.getTxid(), "Waits for the CHARGEBACK.");
                }
                yield booked(process, event, ledger.chargebackReversed(process, amount, 0, txn));
            }
            case "CAPTURE_FAILED", "REFUND_FAILED" -> {
                ledger.noteError(process, code, event.reason() == null ? code : event.reason());
                yield outcome(process, event, EventOutcome.Result.APPLIED, code + " recorded", List.of());
            }
            case "CANCELLATION" ->
                outcome(process, event, EventOutcome.Result.APPLIED, "cancellation recorded", List.of());
            default -> outcome(process, event, EventOutcome.Result.IGNORED, "unknown eventCode", List.of());
        };
    }

    private EventOutcome authorised(
            PaymentProcess process,
            ProviderEvent event,
            Ledger ledger,
            boolean approved,
            boolean preauthorisation,
            String errorCode,
            String errorMessage) {
        if (process.getStatus() != ProcessStatus.IN_PROCESSING
                || !process.getPaymentMethod().isProviderAuthorised()) {
            return nothing(process, event); // already decided at creation, or an open item that stays OPEN
        }
        if (!approved) {
            ledger.failed(process, errorCode, errorMessage);
            return outcome(process, event, EventOutcome.Result.APPLIED, "authorisation refused", List.of());
        }
        return booked(
                process,
                event,
                preauthorisation
                        ? ledger.preauthorised(process)
                        : ledger.authorised(process, event.operationReference()));
    }

    private boolean alreadyBooked(PaymentProcess process, String providerTxn) {
        if (providerTxn == null) {
            return false;
        }
        bookings.flush(); // the notification job writes at commit: bookings of an earlier notification count too
        return bookings.existsByTxidAndProviderTxn(process.getTxid(), providerTxn);
    }

    private EventOutcome nothing(PaymentProcess process, ProviderEvent event) {
        return outcome(process, event, EventOutcome.Result.NOTHING_NEW, "already reflected in the process", List.of());
    }

    private EventOutcome booked(PaymentProcess process, ProviderEvent event, List<Booking> booked) {
        return outcome(process, event, EventOutcome.Result.APPLIED, booked.size() + " booking(s)", booked);
    }

    private EventOutcome outcome(
            PaymentProcess process,
            ProviderEvent event,
            EventOutcome.Result result,
            String detail,
            List<Booking> booked) {
        bookings.saveAll(booked);
        String source =
                event.source() == null ? SimulatorProvider.NAME : event.source().name();
        providerLog.save(new ProviderLogEntry(
                process.getTxid(),
                Instant.now(clock),
                "NOTIFICATION",
                event.event(),
                result.name(),
                event.amount(),
                event.operationReference(),
                detail));
        if (result == EventOutcome.Result.APPLIED) {
            Partition partition = currentTenancy.requirePartition();
            Long debtorNumber = process.getDebtorId() == null
                    ? null
                    : debtors.debtorNumber(process.getDebtorId()).orElse(null);
            long moved = booked.stream().mapToLong(Booking::getCredit).sum();
            AuditEventType type = booked.stream().anyMatch(b -> b.getType() == BookingType.CHARGEBACK)
                    ? AuditEventType.PAYMENT_CHARGEBACK
                    : booked.stream().anyMatch(b -> b.getType() == BookingType.REFUND)
                            ? AuditEventType.PAYMENT_REFUNDED
                            : moved > 0 ? AuditEventType.PAYMENT_RECEIVED : AuditEventType.PAYMENT_EVENT_RECORDED;
            auditLog.record(new AuditEntry(
                    partition.merchantId(),
                    partition.mode().name(),
                    new Actor(ActorType.PROVIDER, source, source),
                    type,
                    debtorNumber,
                    process.getTxid(),
                    null,
                    Map.of(
                            "event",
                            event.event(),
                            "detail",
                            detail,
                            "status",
                            process.getStatus().name())));
        }
        return new EventOutcome(result, process.getTxid(), detail);
    }
}
