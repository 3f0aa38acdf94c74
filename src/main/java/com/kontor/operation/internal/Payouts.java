package com.kontor.operation.internal;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
import com.kontor.db.RetryingTransactions;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ReceivableType;
import com.kontor.psp.PaymentProvider;
import com.kontor.psp.ProviderCall;
import com.kontor.psp.ProviderGateway;
import com.kontor.psp.ProviderLog;
import com.kontor.psp.ProviderOperation;
import com.kontor.psp.ProviderRequest;
import com.kontor.tenancy.CurrentTenancy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Money leaving a process to the original means of payment (OPS-2): every refund, credit entry with flow of funds and
 * de-recognition's disbursal pays out here. The amount is reserved under the process's lock by the caller; the
 * provider is asked outside any transaction (no lock held while a provider answers), and its answer is booked in a
 * transaction of its own: the reservation becomes the refund's bookings, or is released when the provider refuses.
 *
 * <p>That second transaction may fail after the provider paid (the database went away, a certification failure on
 * Galera, a crash): then the amount would stay reserved for ever, and a retried operation would pay a second time
 * (PLAT-6). So the payout's idempotency key is derived from the operation, not drawn at random: the process's txid
 * and the version it had when the amount was reserved ({@code <txid>-refund-v<version>}; a reservation changes the
 * process, so the next has another version), or the approval request that released it ({@code
 * <txid>-refund-a<id>}). The first transaction records the call ({@link ProviderCallIntents}) with the reservation;
 * the booking settles that record, and books nothing when the record was settled before. What stays OPEN is settled
 * by {@code ProviderCallRecovery}, asking the provider again with the same key and booking its answer through
 * {@link #book}; an operation sent again by the dialog that started it (same expected version, same amount) resumes
 * the record ({@link #resumable}) instead of reserving and paying again; so does the shop's API refund sent again with
 * the same {@code Idempotency-Key} (its payout's key is derived from that key: {@code <txid>-refund-k<hash>}).
 */
@Component
public class Payouts {

    private final Processes processes;
    private final ProviderGateway gateway;
    private final ProviderLog providerLog;
    private final OperationAudit audit;
    private final ProviderCallIntents intents;
    private final CurrentTenancy currentTenancy;
    private final RetryingTransactions transactions;

    public Payouts(
            Processes processes,
            ProviderGateway gateway,
            ProviderLog providerLog,
            OperationAudit audit,
            ProviderCallIntents intents,
            CurrentTenancy currentTenancy,
            RetryingTransactions transactions) {
        this.processes = processes;
        this.gateway = gateway;
        this.providerLog = providerLog;
        this.audit = audit;
        this.intents = intents;
        this.currentTenancy = currentTenancy;
        this.transactions = transactions;
    }

    /** A payout chosen under the process's lock, to be sent once that transaction committed. */
    public record Prepared(
            long txid, long amount, ReceivableType type, PaymentProvider provider, ProviderRequest request) {

        public String idempotencyKey() {
            return request.idempotencyKey();
        }
    }

    /** How a payout ended: the process afterwards and the provider's call (failed when it refused). */
    public record Paid(ProcessDetails process, ProviderCall call) {}

    /**
     * Chooses the payout of {@code amount}, to be reserved now on the locked process (call it before the reservation:
     * its key names the process's version before it); refuses before anything when there is no provider.
     */
    public Prepared prepare(LockedProcess process, long amount, ReceivableType type) {
        return prepare(process, amount, type, null);
    }

    /**
     * Like {@link #prepare(LockedProcess, long, ReceivableType)}, for a caller whose operation has a key of its own
     * ({@code operationKey}, the shop's {@code Idempotency-Key} with its API key): the payout's key is derived from it,
     * so the shop's retry finds the payout it started.
     */
    public Prepared prepare(LockedProcess process, long amount, ReceivableType type, String operationKey) {
        return prepared(
                process,
                amount,
                type,
                operationKey != null
                        ? operationKey(process.txid(), operationKey)
                        : refundKey(process.txid(), process.version()));
    }

    /** Chooses the payout of an approved request, whose amount was reserved when it was requested. */
    public Prepared prepareApproved(LockedProcess process, long amount, ReceivableType type, long approvalId) {
        return prepared(process, amount, type, process.txid() + "-refund-a" + approvalId);
    }

    private Prepared prepared(LockedProcess process, long amount, ReceivableType type, String key) {
        return new Prepared(
                process.txid(), amount, type, processes.providerOf(process), Processes.request(process, amount, key));
    }

    /** The key of the payout reserved on the process as it was at {@code version}. */
    static String refundKey(long txid, long version) {
        return txid + "-refund-v" + version;
    }

    /** The key of the payout an operation with a key of its own started (hashed: the shop's key may be long). */
    static String operationKey(long txid, String operationKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(operationKey.getBytes(StandardCharsets.UTF_8));
            return txid + "-refund-k" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records the payout before it is made, in the transaction that reserves its amount (or approves it): with the
     * audit event and what else its booking needs ({@code payload}, a credit's items as JSON), so that the recovery
     * books it as {@link #pay} would.
     */
    public void record(Prepared payout, AuditEventType event, String payload) {
        intents.open(new ProviderCallIntents.Intent(
                payout.idempotencyKey(),
                currentTenancy.requirePartition().key(),
                payout.txid(),
                ProviderOperation.REFUND,
                payout.amount(),
                payout.request().currency(),
                payout.type().name(),
                event.name(),
                payout.provider().name(),
                ProviderCallIntents.State.OPEN,
                null,
                payload));
    }

    /**
     * The payout a dialog started on the process at {@code expectedVersion}, when its booking never landed (the
     * record is still OPEN): the same operation sent again, which must neither reserve nor pay a second time, but
     * ask the provider again with the same key and book its answer.
     */
    public Optional<Prepared> resumable(LockedProcess process, Long expectedVersion, long amount) {
        return recorded(process, expectedVersion, null, amount)
                .filter(i -> i.state() == ProviderCallIntents.State.OPEN)
                .map(i -> resumed(process, i));
    }

    /**
     * The payout of {@code amount} that the same operation sent before recorded, in any state: found by the key of
     * its own ({@code operationKey}) or by the version its dialog showed ({@code expectedVersion}); empty when there
     * is neither or nothing was recorded.
     */
    public Optional<ProviderCallIntents.Intent> recorded(
            LockedProcess process, Long expectedVersion, String operationKey, long amount) {
        String key = operationKey != null
                ? operationKey(process.txid(), operationKey)
                : expectedVersion != null ? refundKey(process.txid(), expectedVersion) : null;
        if (key == null) {
            return Optional.empty();
        }
        return intents.find(key).filter(i -> i.txid() == process.txid() && i.amount() == amount);
    }

    /**
     * The payout an OPEN record describes, to be sent again with its key: outside a transaction (the recovery), the
     * process is read in a short one of its own.
     */
    public Prepared resume(ProviderCallIntents.Intent intent) {
        return transactions.write(status -> resumed(processes.lock(intent.txid(), BookingSource.PROVIDER), intent));
    }

    /** The payout an OPEN record describes, sent again with its key. */
    public Prepared resumed(LockedProcess process, ProviderCallIntents.Intent intent) {
        return prepared(
                process, intent.amount(), ReceivableType.valueOf(intent.receivableType()), intent.idempotencyKey());
    }

    /**
     * Asks the provider and books its answer. {@code whenPaid} runs in the booking transaction once the provider took
     * the payout (approved, or pending its later notification), to book what belongs with it (a credit note).
     */
    public Paid pay(
            Prepared payout,
            Actor actor,
            AuditEventType event,
            Map<String, Object> details,
            Consumer<LockedProcess> whenPaid) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A provider is asked outside a transaction: no lock is held meanwhile");
        }
        ProviderCall call = gateway.call(payout.provider(), ProviderOperation.REFUND, payout.request());
        ProcessDetails after = transactions.write(status -> book(payout, call, actor, event, details, whenPaid));
        return new Paid(after, call);
    }

    /**
     * Books the provider's answer to the payout, in the caller's transaction: the reservation becomes the refund's
     * bookings, or is released. Nothing is booked when the payout's record was settled before (by the recovery, or by
     * the operation sent again); the process's lock is taken first, so the two never book at once.
     */
    ProcessDetails book(
            Prepared payout,
            ProviderCall call,
            Actor actor,
            AuditEventType event,
            Map<String, Object> details,
            Consumer<LockedProcess> whenPaid) {
        LockedProcess process = processes.lock(payout.txid(), BookingSource.PROVIDER);
        ProviderCallIntents.State state =
                call.failed() ? ProviderCallIntents.State.RELEASED : ProviderCallIntents.State.BOOKED;
        if (intents.settle(payout.idempotencyKey(), state, call) == ProviderCallIntents.Settled.BEFORE) {
            return process.details();
        }
        providerLog.record(payout.txid(), call);
        long amount = payout.amount();
        Map<String, Object> recorded = new HashMap<>(details);
        recorded.put("amount", process.money(amount).toString());
        switch (call.answer().outcome()) {
            case APPROVED -> {
                process.refundExecuted(amount, call.answer().providerTxn(), payout.type());
                audit.record(actor, event, process.debtorId(), payout.txid(), recorded);
                whenPaid.accept(process);
            }
            case PENDING -> {
                recorded.put("refundPending", process.money(amount).toString());
                audit.record(actor, AuditEventType.PAYMENT_EVENT_RECORDED, process.debtorId(), payout.txid(), recorded);
                whenPaid.accept(process);
            }
            case DECLINED, ERROR -> process.refundFailed(amount);
        }
        return process.details();
    }
}
