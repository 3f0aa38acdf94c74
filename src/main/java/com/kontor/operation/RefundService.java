package com.kontor.operation;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ProcessStatus;
import com.kontor.money.Money;
import com.kontor.operation.internal.FourEyes;
import com.kontor.operation.internal.MoneyPermission;
import com.kontor.operation.internal.OperationAudit;
import com.kontor.operation.internal.Processes;
import com.kontor.psp.PaymentProvider;
import com.kontor.psp.ProviderCall;
import com.kontor.psp.ProviderGateway;
import com.kontor.psp.ProviderLog;
import com.kontor.psp.ProviderOperation;
import com.kontor.psp.ProviderRequest;
import com.kontor.tenancy.MerchantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds to the original means of payment (OPS-2), never to an account typed in. At most what was collected minus
 * what was refunded and reserved; above the merchant's four-eyes threshold (the sum of the process's refunds counts)
 * a refund waits as an approval request (OPS-6). The amount is reserved in one transaction, the provider asked
 * outside it, and the answer booked in a second, so concurrent refunds never pay out more than was collected (OPS-7).
 */
@Service
public class RefundService {

    private final Processes processes;
    private final ProviderGateway gateway;
    private final ProviderLog providerLog;
    private final FourEyes fourEyes;
    private final MerchantDirectory merchants;
    private final MoneyPermission permission;
    private final OperationAudit audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RefundService(
            Processes processes,
            ProviderGateway gateway,
            ProviderLog providerLog,
            FourEyes fourEyes,
            MerchantDirectory merchants,
            MoneyPermission permission,
            OperationAudit audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.processes = processes;
        this.gateway = gateway;
        this.providerLog = providerLog;
        this.fourEyes = fourEyes;
        this.merchants = merchants;
        this.permission = permission;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    private record Start(RefundOutcome pending, ProviderRequest request, PaymentProvider provider) {}

    /** Refunds {@code amount}, or leaves it waiting for approval; a provider's refusal is PROVIDER_DECLINED. */
    public RefundOutcome refund(long txid, Money amount, Actor actor) {
        permission.require();
        Start start = transaction.execute(status -> start(txid, amount, actor));
        if (start.pending() != null) {
            return start.pending();
        }
        ProviderCall call = gateway.call(start.provider(), ProviderOperation.REFUND, start.request());
        ProcessDetails after = transaction.execute(status -> finish(txid, amount.minor(), call, actor));
        if (call.failed()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.PROVIDER_DECLINED,
                    "The provider refused the refund: " + call.answer().errorMessage());
        }
        return new RefundOutcome.Done(after);
    }

    private Start start(long txid, Money amount, Actor actor) {
        Processes.requireAmountInRange(amount);
        LockedProcess process = processes.lock(txid, BookingSource.API);
        ProcessStatus status = process.status();
        if (status == ProcessStatus.ERROR
                || status == ProcessStatus.EMPTY
                || (status == ProcessStatus.PREAUTHORIZED || status == ProcessStatus.IN_PROCESSING)
                        && process.collected() == 0) {
            throw new PaymentRefused(
                    PaymentRefused.Code.INVALID_STATE,
                    "Process " + txid + " is " + status + ": nothing was collected that could be refunded.");
        }
        Processes.requireSameCurrency(process, amount);
        PaymentProvider provider = processes.providerOf(process); // refused before anything is reserved
        long value = amount.minor();
        if (value > process.refundable()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.AMOUNT_EXCEEDS_LIMIT,
                    "At most " + process.money(Math.max(0, process.refundable())) + " can be refunded (collected "
                            + process.money(process.collected()) + ", refunded " + process.money(process.refunded())
                            + ", reserved " + process.money(process.reserved()) + ").");
        }
        process.refundReserved(value);
        if (fourEyes.needsApproval(merchants.requireCurrent().settings(), process)) {
            long approvalId = fourEyes.request(process, "REFUND", value, Instant.now(clock), actor);
            audit.record(
                    actor,
                    AuditEventType.REFUND_APPROVAL_REQUESTED,
                    process.debtorId(),
                    txid,
                    Map.of("amount", process.money(value).toString(), "approvalId", approvalId));
            return new Start(new RefundOutcome.PendingApproval(approvalId, process.money(value), txid), null, null);
        }
        return new Start(null, Processes.request(process, value), provider);
    }

    private ProcessDetails finish(long txid, long amount, ProviderCall call, Actor actor) {
        LockedProcess process = processes.lock(txid, BookingSource.PROVIDER);
        providerLog.record(txid, call);
        switch (call.answer().outcome()) {
            case APPROVED -> {
                process.refundExecuted(amount, call.answer().providerTxn());
                audit.record(
                        actor,
                        AuditEventType.PAYMENT_REFUNDED,
                        process.debtorId(),
                        txid,
                        Map.of("amount", process.money(amount).toString()));
            }
            case PENDING ->
                audit.record(
                        actor,
                        AuditEventType.PAYMENT_EVENT_RECORDED,
                        process.debtorId(),
                        txid,
                        Map.of("refundPending", process.money(amount).toString()));
            case DECLINED, ERROR -> process.refundFailed(amount);
        }
        return process.details();
    }
}
