package com.kontor.psp.payone;

import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessType;
import com.kontor.psp.internal.EventOutcome;
import com.kontor.psp.internal.ProviderEvent;
import com.kontor.psp.internal.ProviderEvents;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What a PAYONE {@code txaction} books (API.md's event table). PAYONE sends the process's cumulative receivable and
 * balance, which are compared with the process's own sums, so an event the process already reflects (booked from
 * the provider's answer to Kontor's own capture or refund, or a repeat) books nothing again. {@code sequencenumber}
 * orders the events of one process: a later one waits for the one before it.
 */
@Component
class PayoneRules implements ProviderEvents.Rules {

    private final ProviderEvents events;

    PayoneRules(ProviderEvents events) {
        this.events = events;
    }

    @Override
    public EventOutcome apply(LockedProcess process, ProviderEvent event) {
        int sequence = event.sequenceNumber() == null ? 0 : event.sequenceNumber();
        if (sequence <= process.providerSequence()) {
            return new EventOutcome(
                    EventOutcome.Result.NOTHING_NEW,
                    process.txid(),
                    "Sequence number " + sequence + " was applied before.");
        }
        if (sequence > process.providerSequence() + 1) {
            return new EventOutcome(
                    EventOutcome.Result.WAIT,
                    process.txid(),
                    "Waits for sequence number " + (process.providerSequence() + 1) + ".");
        }
        process.recordProviderSequence(sequence);
        long receivable = event.receivable() == null ? process.receivable() : event.receivable();
        long paidTotal = event.balance() == null ? process.paid() : receivable - event.balance();
        String txn = event.operationReference();
        return switch (event.event()) {
            case "appointed" ->
                events.authorised(process, event, true, process.type() == ProcessType.PREAUTHORIZATION, null, null);
            case "capture" -> {
                long delta = receivable - process.receivable();
                yield delta > 0 && process.preauthorized() > 0
                        ? events.booked(
                                process, event, process.captured(Math.min(delta, process.preauthorized()), txn, false))
                        : events.nothing(process, event);
            }
            case "paid", "underpaid" -> {
                long delta = paidTotal - process.paid();
                yield delta > 0
                        ? events.booked(process, event, process.paymentReceived(delta, txn))
                        : events.nothing(process, event);
            }
            case "refund", "debit" -> {
                long delta = process.receivable() - receivable;
                yield delta > 0
                        ? events.booked(process, event, process.refunded(delta, txn))
                        : events.nothing(process, event);
            }
            case "cancelation", "failed" -> {
                long delta = process.paid() - paidTotal;
                if (event.reason() != null) {
                    process.noteError(
                            event.reason().toUpperCase(Locale.ROOT), PayoneFailedCause.describe(event.reason()));
                }
                yield delta > 0
                        ? events.booked(process, event, process.chargeback(delta, 0, txn))
                        : applied(process, event, event.event() + " recorded");
            }
            case "reminder" -> {
                if (event.reminderLevel() != null) {
                    process.setReminderLevel(event.reminderLevel());
                }
                yield applied(process, event, "reminder level " + event.reminderLevel());
            }
            case "transfer" -> applied(process, event, "transfer recorded");
            default -> events.outcome(process, event, EventOutcome.Result.IGNORED, "unknown txaction", List.of());
        };
    }

    private EventOutcome applied(LockedProcess process, ProviderEvent event, String detail) {
        return events.outcome(process, event, EventOutcome.Result.APPLIED, detail, List.of());
    }
}
