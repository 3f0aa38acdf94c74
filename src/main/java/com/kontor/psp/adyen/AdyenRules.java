package com.kontor.psp.adyen;

import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ProcessType;
import com.kontor.psp.internal.EventOutcome;
import com.kontor.psp.internal.ProviderEvent;
import com.kontor.psp.internal.ProviderEvents;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What an Adyen {@code eventCode} books (API.md's event table). Adyen sends the amount of each operation; a capture,
 * refund or chargeback that Kontor booked already (from the provider's answer to its own request, or a repeat) is
 * recognised by the operation's pspReference among the process's bookings; chargebacks, which Kontor never starts, are
 * told apart by their event code. Every event but AUTHORISATION waits for
 * the process to be authorised.
 */
@Component
class AdyenRules implements ProviderEvents.Rules {

    private final ProviderEvents events;

    AdyenRules(ProviderEvents events) {
        this.events = events;
    }

    @Override
    public EventOutcome apply(LockedProcess process, ProviderEvent event) {
        String code = event.event();
        if (!code.equals("AUTHORISATION")
                && process.status() == ProcessStatus.IN_PROCESSING
                && process.method().isProviderAuthorised()) {
            return new EventOutcome(EventOutcome.Result.WAIT, process.txid(), "Waits for the AUTHORISATION.");
        }
        String txn = event.operationReference();
        long amount = event.amount() == null ? 0 : event.amount();
        if (!event.success()) {
            if (code.equals("AUTHORISATION")) {
                return events.authorised(
                        process,
                        event,
                        false,
                        false,
                        "REFUSED",
                        event.reason() == null ? "Refused by the provider." : event.reason());
            }
            return applied(process, event, code + " reported unsuccessful");
        }
        return switch (code) {
            case "AUTHORISATION" ->
                events.authorised(process, event, true, process.type() == ProcessType.PREAUTHORIZATION, null, null);
            case "CAPTURE" ->
                process.hasBookingFor(txn)
                        ? events.nothing(process, event)
                        : events.booked(process, event, process.captured(amount, txn, true));
            case "REFUND" ->
                process.hasBookingFor(txn)
                        ? events.nothing(process, event)
                        : events.booked(process, event, process.refunded(amount, txn));
            // a repeat is the same reference and the same event code, which the inbox stores once; a second
            // chargeback of the same dispute (after a reversal) shares the reference and is new money gone back
            case "CHARGEBACK", "SECOND_CHARGEBACK" -> events.booked(process, event, process.chargeback(amount, 0, txn));
            case "CHARGEBACK_REVERSED" -> {
                if (process.status() != ProcessStatus.OPEN) {
                    yield new EventOutcome(EventOutcome.Result.WAIT, process.txid(), "Waits for the CHARGEBACK.");
                }
                yield events.booked(process, event, process.chargebackReversed(amount, 0, txn));
            }
            case "CAPTURE_FAILED", "REFUND_FAILED" -> {
                process.noteError(code, event.reason() == null ? code : event.reason());
                yield applied(process, event, code + " recorded");
            }
            case "CANCELLATION" -> applied(process, event, "cancellation recorded");
            default -> events.outcome(process, event, EventOutcome.Result.IGNORED, "unknown eventCode", List.of());
        };
    }

    private EventOutcome applied(LockedProcess process, ProviderEvent event, String detail) {
        return events.outcome(process, event, EventOutcome.Result.APPLIED, detail, List.of());
    }
}
