package com.kontor.operation;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
import com.kontor.db.RetryingTransactions;
import com.kontor.ledger.LedgerQueries;
import com.kontor.ledger.LockedProcess;
import com.kontor.money.Money;
import com.kontor.operation.internal.OperationAudit;
import com.kontor.operation.internal.Payouts;
import com.kontor.operation.internal.ProviderCallIntents;
import com.kontor.operation.internal.ProviderCallIntents.Intent;
import com.kontor.operation.internal.ProviderCallIntents.State;
import com.kontor.psp.PaymentProvider;
import com.kontor.psp.ProviderAnswer;
import com.kontor.psp.ProviderCall;
import com.kontor.psp.ProviderDirectory;
import com.kontor.psp.ProviderGateway;
import com.kontor.psp.ProviderOperation;
import com.kontor.psp.ProviderRequest;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settles provider calls whose booking never landed (PLAT-6): a payout whose booking transaction failed after the
 * provider answered would leave its amount reserved for ever; an authorisation whose payment transaction rolled back
 * would stay held at the provider. Every money call is recorded before it is made ({@link ProviderCallIntents}); a
 * record still OPEN after {@code kontor.provider.recovery-after} (by the database's clock, so servers agree; long
 * enough that no call still in flight is taken) is settled here, one server at a time (ShedLock):
 * <ul>
 *   <li>a payout: the provider is asked again with the same idempotency key, so it answers as before and pays nothing
 *       twice, and its answer is booked exactly as {@link Payouts#pay} books it (approved: the refund's bookings and
 *       the credit note of a credit; declined or failed: the reservation released), audited with the same event;</li>
 *   <li>an authorisation, preauthorisation or debit: if its process landed after all, the record is closed; otherwise
 *       the call is cancelled at the provider and the record VOIDED ({@code PROVIDER_CALL_VOIDED} in the audit log). The
 *       record is claimed before the cancellation, so a payment transaction still finishing meanwhile finds it voided
 *       and rolls back; a cancellation that does not reach the provider opens the record again for the next round.</li>
 * </ul>
 * Each settlement runs inside the record's partition in transactions of its own ({@link RetryingTransactions}).
 */
@Component
class ProviderCallRecovery {

    private static final Logger log = LoggerFactory.getLogger(ProviderCallRecovery.class);
    private static final Actor RECOVERY = Actor.system("provider call recovery");
    private static final int BATCH = 200;

    private final ProviderCallIntents intents;
    private final Payouts payouts;
    private final ProviderDirectory providers;
    private final ProviderGateway gateway;
    private final LedgerQueries ledger;
    private final OperationAudit audit;
    private final CreditNotes creditNotes;
    private final RetryingTransactions transactions;
    private final JsonMapper json;
    private final Duration grace;

    ProviderCallRecovery(
            ProviderCallIntents intents,
            Payouts payouts,
            ProviderDirectory providers,
            ProviderGateway gateway,
            LedgerQueries ledger,
            OperationAudit audit,
            CreditNotes creditNotes,
            RetryingTransactions transactions,
            JsonMapper json,
            @Value("${kontor.provider.recovery-after:2m}") Duration grace) {
        this.intents = intents;
        this.payouts = payouts;
        this.providers = providers;
        this.gateway = gateway;
        this.ledger = ledger;
        this.audit = audit;
        this.creditNotes = creditNotes;
        this.transactions = transactions;
        this.json = json;
        this.grace = grace;
    }

    @Scheduled(
            fixedDelayString = "${kontor.provider.recovery-every:1m}",
            initialDelayString = "${kontor.provider.recovery-every:1m}")
    @SchedulerLock(name = "provider-call-recovery", lockAtMostFor = "PT15M")
    void recoverAbandoned() {
        recover(grace);
    }

    /** Settles the records OPEN for longer than {@code olderThan}; answers how many it settled. */
    int recover(Duration olderThan) {
        List<Intent> abandoned = intents.abandoned(olderThan, BATCH);
        int settled = 0;
        for (Intent intent : abandoned) {
            try {
                boolean done = TenancyScope.inPartition(Partition.ofKey(intent.partitionKey()), () -> settle(intent));
                settled += done ? 1 : 0;
            } catch (RuntimeException e) {
                // one record that cannot be settled now (its provider gone, the database away) does not stop the rest
                log.warn("Could not settle provider call {}: {}", intent.idempotencyKey(), e.toString());
            }
        }
        if (settled > 0) {
            log.info("Settled {} provider calls whose booking had not landed", settled);
        }
        return settled;
    }

    private boolean settle(Intent intent) {
        return switch (intent.operation()) {
            case REFUND -> payOut(intent);
            case AUTHORISE, PREAUTHORISE, DEBIT -> voidUnbooked(intent);
            case CAPTURE, CANCEL -> false; // never recorded
        };
    }

    /** Asks again with the same key and books the answer as the payout's own booking would have. */
    private boolean payOut(Intent intent) {
        Payouts.Prepared payout = payouts.resume(intent);
        Payouts.Paid paid = payouts.pay(
                payout,
                RECOVERY,
                AuditEventType.valueOf(intent.auditEvent()),
                Map.of("recovered", true, "idempotencyKey", intent.idempotencyKey()),
                whenPaid(intent));
        log.info(
                "Provider call {} settled by the recovery: {}",
                intent.idempotencyKey(),
                paid.call().answer().outcome());
        return true;
    }

    /** What a credit's payout books with it: its credit note. */
    private Consumer<LockedProcess> whenPaid(Intent intent) {
        if (!AuditEventType.CREDIT_ENTRY_BOOKED.name().equals(intent.auditEvent()) || intent.payload() == null) {
            return p -> {};
        }
        List<CreditItem> items =
                json.readValue(intent.payload(), CreditService.Payload.class).items();
        return p -> creditNotes.issue(p, items);
    }

    private boolean voidUnbooked(Intent intent) {
        Boolean claimed = transactions.write(status -> {
            if (ledger.summary(intent.txid()).isPresent()) {
                intents.settle(intent.idempotencyKey(), State.BOOKED, null);
                return false;
            }
            return intents.settle(intent.idempotencyKey(), State.VOIDED, null) == ProviderCallIntents.Settled.NOW;
        });
        if (!claimed) {
            return false;
        }
        Optional<PaymentProvider> provider =
                providers.byName(Partition.ofKey(intent.partitionKey()), intent.provider());
        if (provider.isEmpty()) {
            transactions.write(status -> {
                intents.reopen(intent.idempotencyKey(), State.VOIDED);
                return null;
            });
            log.warn(
                    "Provider {} of call {} is not configured: not voided", intent.provider(), intent.idempotencyKey());
            return false;
        }
        ProviderCall call = gateway.call(
                provider.get(),
                ProviderOperation.CANCEL,
                new ProviderRequest(
                        intent.idempotencyKey() + "-cancel",
                        intent.txid(),
                        null,
                        null,
                        intent.amount(),
                        intent.currency(),
                        provider.get().referenceFor(intent.txid()),
                        null,
                        null,
                        null));
        // a cancellation refused outright means the provider holds nothing to cancel (the call never reached it);
        // one that did not reach the provider is tried again at the next round
        boolean unreached = call.answer().outcome() == ProviderAnswer.Outcome.ERROR;
        transactions.write(status -> {
            if (unreached) {
                intents.reopen(intent.idempotencyKey(), State.VOIDED);
                return null;
            }
            intents.answered(intent.idempotencyKey(), call);
            audit.record(
                    RECOVERY,
                    AuditEventType.PROVIDER_CALL_VOIDED,
                    null,
                    intent.txid(),
                    Map.of(
                            "operation", intent.operation().logName(),
                            "amount",
                                    Money.of(intent.amount(), intent.currency()).toString(),
                            "idempotencyKey", intent.idempotencyKey(),
                            "answer", call.answer().outcome().name()));
            return null;
        });
        return !unreached;
    }
}
