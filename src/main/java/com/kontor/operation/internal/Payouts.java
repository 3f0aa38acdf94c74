package com.kontor.operation.internal;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
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
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Money leaving a process to the original means of payment (OPS-2): every refund, credit entry with flow of funds and
 * de-recognition's disbursal pays out here. The amount is reserved under the process's lock by the caller; the
 * provider is asked outside any transaction (no lock held while a provider answers), and its answer is booked in a
 * transaction of its own: the reservation becomes the refund's bookings, or is released when the provider refuses.
 */
@Component
public class Payouts {

    private final Processes processes;
    private final ProviderGateway gateway;
    private final ProviderLog providerLog;
    private final OperationAudit audit;
    private final TransactionTemplate transaction;

    public Payouts(
            Processes processes,
            ProviderGateway gateway,
            ProviderLog providerLog,
            OperationAudit audit,
            PlatformTransactionManager transactionManager) {
        this.processes = processes;
        this.gateway = gateway;
        this.providerLog = providerLog;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A payout chosen under the process's lock, to be sent once that transaction committed. */
    public record Prepared(
            long txid, long amount, ReceivableType type, PaymentProvider provider, ProviderRequest request) {}

    /** How a payout ended: the process afterwards and the provider's call (failed when it refused). */
    public record Paid(ProcessDetails process, ProviderCall call) {}

    /** Chooses the payout of {@code amount} (already reserved); refuses before anything when there is no provider. */
    public Prepared prepare(LockedProcess process, long amount, ReceivableType type) {
        return new Prepared(
                process.txid(), amount, type, processes.providerOf(process), Processes.request(process, amount));
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
        ProcessDetails after = transaction.execute(status -> book(payout, call, actor, event, details, whenPaid));
        return new Paid(after, call);
    }

    private ProcessDetails book(
            Prepared payout,
            ProviderCall call,
            Actor actor,
            AuditEventType event,
            Map<String, Object> details,
            Consumer<LockedProcess> whenPaid) {
        LockedProcess process = processes.lock(payout.txid(), BookingSource.PROVIDER);
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
