package com.kontor.psp.simulator;

import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessStatus;
import com.kontor.psp.internal.EventOutcome;
import com.kontor.psp.internal.NotificationFormat;
import com.kontor.psp.internal.NotificationStore;
import com.kontor.psp.internal.ProviderEvent;
import com.kontor.psp.internal.ProviderEvents;
import com.kontor.tenancy.CurrentTenancy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's delayed outcomes (a pending request decided, a direct debit executed) travel the same path as a
 * real provider's notifications (API.md): stored, then booked by the notification job once their delay is over.
 */
@Component
class SimulatedOutcomes implements NotificationFormat {

    static final String FORMAT = "SIMULATOR";

    private final NotificationStore store;
    private final ProviderEvents events;
    private final Ledger ledger;
    private final CurrentTenancy currentTenancy;
    private final Clock clock;

    SimulatedOutcomes(
            NotificationStore store, ProviderEvents events, Ledger ledger, CurrentTenancy currentTenancy, Clock clock) {
        this.store = store;
        this.events = events;
        this.ledger = ledger;
        this.currentTenancy = currentTenancy;
        this.clock = clock;
    }

    @Override
    public String name() {
        return FORMAT;
    }

    /**
     * An outcome that follows a provider call inside a transaction (a payment, a capture) is written in it: it commits
     * with its bookings or not at all, and costs no commit of its own. One that follows a call outside a transaction
     * (a refund asks the provider between its transactions) is stored at once.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    public void onSimulatedOutcome(SimulatedOutcome outcome) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("txid", outcome.txid());
        payload.put("operation", outcome.operation());
        payload.put("kind", outcome.kind().name());
        payload.put("amount", outcome.amount());
        payload.put("providerTxn", outcome.providerTxn());
        Instant now = Instant.now(clock);
        try {
            store.insert(
                    new NotificationStore.Received(
                            currentTenancy.requirePartition(),
                            null,
                            FORMAT,
                            outcome.operation() + ":" + outcome.kind(),
                            null,
                            null,
                            // the simulated provider decides when the delay is over: that is its event time
                            now.plus(outcome.delay()),
                            "simulator:" + outcome.txid() + ":" + outcome.providerTxn() + ":" + outcome.kind(),
                            outcome.amount(),
                            null,
                            payload,
                            null),
                    now,
                    now.plus(outcome.delay()));
        } catch (DuplicateKeyException repeat) {
            // this very outcome is stored already; MariaDB undid only the statement, the caller's transaction goes on
        }
    }

    /** Books a decided outcome in the job's transaction; a failure that is no ledger refusal rolls the chunk back. */
    @Override
    @Transactional
    public EventOutcome book(JsonNode p) {
        long txid = p.path("txid").asLong();
        String operation = p.path("operation").asString();
        SimulatedOutcome.Kind kind =
                SimulatedOutcome.Kind.valueOf(p.path("kind").asString());
        long amount = p.path("amount").asLong();
        String providerTxn = p.path("providerTxn").asString();
        Optional<LockedProcess> found = ledger.lock(txid, BookingSource.PROVIDER);
        if (found.isEmpty()) {
            return new EventOutcome(EventOutcome.Result.REVIEW, txid, "No such process.");
        }
        LockedProcess process = found.get();
        boolean approved = kind != SimulatedOutcome.Kind.DECLINED;
        ProviderEvent event = new ProviderEvent(
                FORMAT,
                process.providerReference(),
                operation + ":" + kind,
                approved,
                null,
                amount,
                null,
                null,
                process.currency().getCurrencyCode(),
                providerTxn,
                null,
                null);
        return events.guarded(process, event, (locked, e) -> apply(locked, e, operation, approved));
    }

    private EventOutcome apply(LockedProcess process, ProviderEvent event, String operation, boolean approved) {
        long amount = event.amount();
        String txn = event.operationReference();
        return switch (operation) {
            case "debit" -> {
                if (!approved) {
                    if (process.status() == ProcessStatus.IN_PROCESSING && process.paid() == 0) {
                        process.failed("DECLINED", "The direct debit was declined (simulator).");
                    }
                    yield events.outcome(process, event, EventOutcome.Result.APPLIED, "debit declined", List.of());
                }
                yield events.booked(process, event, process.paymentReceived(amount, txn));
            }
            case "preauthorisation", "authorisation" ->
                events.authorised(
                        process,
                        event,
                        approved,
                        operation.equals("preauthorisation"),
                        "DECLINED",
                        "Declined by the provider after review (simulator).");
            case "capture" ->
                approved
                        ? events.booked(process, event, process.paymentReceived(amount, txn))
                        : events.outcome(
                                process, event, EventOutcome.Result.REVIEW, "The capture was declined.", List.of());
            case "refund" -> {
                if (!approved) {
                    process.refundFailed(amount);
                    yield events.outcome(process, event, EventOutcome.Result.APPLIED, "refund declined", List.of());
                }
                yield events.booked(process, event, process.refundExecuted(amount, txn));
            }
            default -> events.outcome(process, event, EventOutcome.Result.IGNORED, "unknown operation", List.of());
        };
    }
}
