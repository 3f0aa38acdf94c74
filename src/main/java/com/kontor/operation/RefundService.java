package com.kontor.operation;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
import com.kontor.db.RetryingTransactions;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ReceivableType;
import com.kontor.money.Money;
import com.kontor.operation.internal.FourEyes;
import com.kontor.operation.internal.MoneyPermission;
import com.kontor.operation.internal.OperationAudit;
import com.kontor.operation.internal.Payouts;
import com.kontor.operation.internal.Processes;
import com.kontor.operation.internal.ProviderCallIntents;
import com.kontor.tenancy.OperationRefused;
import com.kontor.text.FreeText;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Refunds to the original means of payment (OPS-2), never to an account typed in. At most what was collected minus
 * what was refunded and reserved; above the merchant's four-eyes threshold (the sum of the process's refunds counts)
 * a refund waits as an approval request (OPS-6). The amount is reserved in one transaction, the provider asked
 * outside it, and the answer booked in a second, so concurrent refunds never pay out more than was collected (OPS-7).
 */
@Service
public class RefundService {

    public static final int MAX_REASON = 300;

    private final Processes processes;
    private final Payouts payouts;
    private final FourEyes fourEyes;
    private final MoneyPermission permission;
    private final OperationAudit audit;
    private final RetryingTransactions transaction;

    public RefundService(
            Processes processes,
            Payouts payouts,
            FourEyes fourEyes,
            MoneyPermission permission,
            OperationAudit audit,
            PlatformTransactionManager transactionManager) {
        this.processes = processes;
        this.payouts = payouts;
        this.fourEyes = fourEyes;
        this.permission = permission;
        this.audit = audit;
        this.transaction = new RetryingTransactions(transactionManager);
    }

    private record Start(RefundOutcome pending, Payouts.Prepared payout) {}

    /** Refunds {@code amount} (the shop's API), or leaves it waiting for approval. */
    public RefundOutcome refund(long txid, Money amount, Actor actor) {
        return refund(txid, amount, null, null, null, actor);
    }

    /**
     * Refunds {@code amount} for the shop's API request with an {@code Idempotency-Key} ({@code operationKey}: the key
     * with the API key that sent it). The API forgets a request that failed with a 5xx, so the shop sends it again:
     * when the first one's payout was made but its booking failed, the retry books that payout (asking the provider
     * again with the same key, which pays nothing twice) instead of reserving and paying again; when it was settled
     * meanwhile (by the recovery), the retry answers how it ended.
     */
    public RefundOutcome refund(long txid, Money amount, String operationKey, Actor actor) {
        return refund(txid, amount, null, null, operationKey, actor);
    }

    /**
     * Refunds {@code amount} with a reason, or leaves it waiting for approval; a provider's refusal is
     * PROVIDER_DECLINED. {@code expectedVersion} (a dialog's) refuses the refund when the process changed since the
     * dialog showed it, so a double click or a second tab cannot run it twice.
     */
    public RefundOutcome refund(long txid, Money amount, String reason, Long expectedVersion, Actor actor) {
        return refund(txid, amount, reason, expectedVersion, null, actor);
    }

    private RefundOutcome refund(
            long txid, Money amount, String reason, Long expectedVersion, String operationKey, Actor actor) {
        permission.require();
        requireReason(reason);
        Start start = transaction.write(status -> start(txid, amount, reason, expectedVersion, operationKey, actor));
        if (start.pending() != null) {
            return start.pending();
        }
        Map<String, Object> details = reason == null ? Map.of() : Map.of("reason", reason);
        Payouts.Paid paid = payouts.pay(start.payout(), actor, AuditEventType.PAYMENT_REFUNDED, details, p -> {});
        if (paid.call().failed()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.PROVIDER_DECLINED,
                    "The provider refused the refund: " + paid.call().answer().errorMessage());
        }
        return new RefundOutcome.Done(paid.process());
    }

    /** The shop's refund sent again after the recovery settled its payout: answered as it ended. */
    private static Start settledBefore(LockedProcess process, ProviderCallIntents.Intent earlier) {
        if (earlier.state() == ProviderCallIntents.State.RELEASED) {
            throw new PaymentRefused(PaymentRefused.Code.PROVIDER_DECLINED, "The provider refused the refund.");
        }
        return new Start(new RefundOutcome.Done(process.details()), null);
    }

    /** A refund's reason is free text of at most 300 characters; the shop's API gives none. */
    private static void requireReason(String reason) {
        if (reason == null) {
            return;
        }
        if (reason.isBlank()) {
            throw OperationRefused.onField("reason", "refund.reasonRequired");
        }
        if (reason.length() > MAX_REASON) {
            throw OperationRefused.onField("reason", "approval.reasonTooLong", MAX_REASON);
        }
        FreeText.Problem problem = FreeText.problem(reason, true);
        if (problem != null) {
            throw OperationRefused.onField("reason", problem.messageKey());
        }
    }

    private Start start(
            long txid, Money amount, String reason, Long expectedVersion, String operationKey, Actor actor) {
        Processes.requireAmountInRange(amount);
        LockedProcess process = processes.lock(txid, BookingSource.API);
        // the same refund sent again (its dialog, or the shop with the same Idempotency-Key) after its booking failed:
        // pay what it reserved, with the same key, once
        Optional<ProviderCallIntents.Intent> earlier =
                payouts.recorded(process, expectedVersion, operationKey, amount.minor());
        if (earlier.isPresent() && earlier.get().state() == ProviderCallIntents.State.OPEN) {
            return new Start(null, payouts.resumed(process, earlier.get()));
        }
        if (earlier.isPresent() && operationKey != null) {
            return settledBefore(process, earlier.get());
        }
        Processes.requireVersion(process, expectedVersion);
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
        long value = amount.minor();
        // the provider first: without one nothing can be refunded, whatever the amount
        Payouts.Prepared payout = payouts.prepare(process, value, ReceivableType.CREDIT_ENTRY, operationKey);
        Processes.requireRefundable(process, value);
        process.refundReserved(value);
        Optional<Long> held = fourEyes.holdIfNeeded(
                process, value, new FourEyes.Hold(Approvals.REFUND, reason, null, Map.of()), actor);
        if (held.isPresent()) {
            return new Start(new RefundOutcome.PendingApproval(held.get(), process.money(value), txid), null);
        }
        payouts.record(payout, AuditEventType.PAYMENT_REFUNDED, null);
        return new Start(null, payout);
    }
}
