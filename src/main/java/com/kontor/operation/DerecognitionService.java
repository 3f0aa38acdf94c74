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
import com.kontor.tenancy.OperationRefused;
import com.kontor.text.FreeText;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * De-recognition of an open receivable (OPS-4, seed 001): the whole open balance is credited without flow of funds
 * (the credit note sum), and an amount may be disbursed to the debtor's original means of payment (with flow of
 * funds, at most what is refundable). A comment is required; it lands in the audit log, never on a document the
 * debtor sees. With a disbursal, four-eyes applies to the whole operation: nothing is booked until it is approved.
 */
@Service
public class DerecognitionService {

    public static final int MAX_COMMENT = 500;

    private final Processes processes;
    private final Payouts payouts;
    private final FourEyes fourEyes;
    private final MoneyPermission permission;
    private final OperationAudit audit;
    private final RetryingTransactions transaction;

    public DerecognitionService(
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

    private record Start(RefundOutcome outcome, Payouts.Prepared payout) {}

    /**
     * De-recognises the open receivable and disburses {@code disbursal} (zero for none), or leaves both waiting for
     * approval when money leaves.
     */
    public RefundOutcome derecognise(long txid, Money disbursal, String comment, Long expectedVersion, Actor actor) {
        permission.require();
        String note = requireComment(comment);
        if (disbursal.minor() < 0) {
            throw OperationRefused.onField("disbursal", "derecognition.disbursalNegative");
        }
        Start start = transaction.write(status -> start(txid, disbursal, note, expectedVersion, actor));
        if (start.payout() == null) {
            return start.outcome();
        }
        Payouts.Paid paid = payouts.pay(
                start.payout(), actor, AuditEventType.PAYMENT_REFUNDED, Map.of("derecognition", true), p -> {});
        if (paid.call().failed()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.PROVIDER_DECLINED,
                    "The receivable is de-recognised, but the provider refused the disbursal: "
                            + paid.call().answer().errorMessage());
        }
        return new RefundOutcome.Done(paid.process());
    }

    private Start start(long txid, Money disbursal, String comment, Long expectedVersion, Actor actor) {
        LockedProcess process = processes.lock(txid, BookingSource.USER);
        // the same dialog sent again after its disbursal's booking failed: the de-recognition is booked, the disbursal
        // is paid with the same key, once
        Optional<Payouts.Prepared> resumed = payouts.resumable(process, expectedVersion, disbursal.minor());
        if (resumed.isPresent()) {
            return new Start(null, resumed.get());
        }
        Processes.requireVersion(process, expectedVersion);
        requireDerecognisable(process);
        long payout = disbursal.minor();
        if (payout > 0) {
            Processes.requireSameCurrency(process, disbursal);
            Processes.requireAmountInRange(disbursal);
            if (payout > process.refundable()) {
                throw OperationRefused.onField(
                        "disbursal",
                        "derecognition.disbursalAboveMaximum",
                        process.money(Math.max(0, process.refundable())).toString());
            }
            Payouts.Prepared prepared = payouts.prepare(process, payout, ReceivableType.CREDIT_ENTRY);
            process.refundReserved(payout);
            Optional<Long> held = fourEyes.holdIfNeeded(
                    process,
                    payout,
                    new FourEyes.Hold(Approvals.DERECOGNITION, comment, null, Map.of("comment", comment)),
                    actor);
            if (held.isPresent()) {
                return new Start(new RefundOutcome.PendingApproval(held.get(), process.money(payout), txid), null);
            }
            book(process, payout, comment, actor);
            payouts.record(prepared, AuditEventType.PAYMENT_REFUNDED, null);
            return new Start(null, prepared);
        }
        book(process, 0, comment, actor);
        return new Start(new RefundOutcome.Done(process.details()), null);
    }

    /** Books the de-recognition of what is open now (the approval path calls it too). */
    static void book(LockedProcess process, long disbursal, String comment, Actor actor, OperationAudit audit) {
        long open = process.balance();
        process.derecognised();
        Map<String, Object> details = new HashMap<>();
        details.put("oldBalance", process.money(open).toString());
        details.put("creditNote", process.money(open).toString());
        details.put("disbursed", process.money(disbursal).toString());
        details.put("comment", comment);
        audit.record(actor, AuditEventType.RECEIVABLE_DERECOGNISED, process.debtorId(), process.txid(), details);
    }

    private void book(LockedProcess process, long disbursal, String comment, Actor actor) {
        book(process, disbursal, comment, actor, audit);
    }

    static void requireDerecognisable(LockedProcess process) {
        ProcessStatus status = process.status();
        if (status == ProcessStatus.ERROR
                || status == ProcessStatus.EMPTY
                || status == ProcessStatus.IN_PROCESSING
                || process.preauthorized() > 0
                || process.balance() <= 0) {
            throw OperationRefused.because("derecognition.nothingOpen");
        }
    }

    private static String requireComment(String comment) {
        String note = comment == null ? "" : comment.strip();
        if (note.isEmpty()) {
            throw OperationRefused.onField("comment", "derecognition.commentRequired");
        }
        if (note.length() > MAX_COMMENT) {
            throw OperationRefused.onField("comment", "derecognition.commentTooLong", MAX_COMMENT);
        }
        FreeText.Problem problem = FreeText.problem(note, true);
        if (problem != null) {
            throw OperationRefused.onField("comment", problem.messageKey());
        }
        return note;
    }
}
