package com.kontor.operation;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ProcessStatus;
import com.kontor.money.Money;
import com.kontor.operation.internal.MoneyPermission;
import com.kontor.operation.internal.OperationAudit;
import com.kontor.operation.internal.Processes;
import com.kontor.tenancy.OperationRefused;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers of an overpayment to an open receivable of the same debtor (OPS-5), only between processes of one
 * account-based payment method (invoice, direct debit, prepayment; seed 001: "a mix of different payment types is not
 * possible"). Both processes are locked in the order of their TXIDs, so opposite transfers cannot deadlock; both
 * bookings land in one transaction with an audit record on each process.
 */
@Service
public class TransferService {

    private final Processes processes;
    private final MoneyPermission permission;
    private final OperationAudit audit;

    public TransferService(Processes processes, MoneyPermission permission, OperationAudit audit) {
        this.processes = processes;
        this.permission = permission;
        this.audit = audit;
    }

    /** Moves {@code amount} of {@code fromTxid}'s overpayment to {@code toTxid}; answers the source afterwards. */
    @Transactional
    public ProcessDetails transfer(long fromTxid, long toTxid, Money amount, Long expectedVersion, Actor actor) {
        permission.require();
        if (fromTxid == toTxid) {
            throw OperationRefused.onField("target", "transfer.sameProcess");
        }
        LockedProcess first = processes.lock(Math.min(fromTxid, toTxid), BookingSource.USER);
        LockedProcess second = processes.lock(Math.max(fromTxid, toTxid), BookingSource.USER);
        LockedProcess from = first.txid() == fromTxid ? first : second;
        LockedProcess to = first.txid() == fromTxid ? second : first;
        Processes.requireVersion(from, expectedVersion);
        if (!from.method().isAccountBased()) {
            throw OperationRefused.because("transfer.notAccountBased");
        }
        if (to.debtorId() == null || !to.debtorId().equals(from.debtorId())) {
            throw OperationRefused.onField("target", "transfer.otherDebtor");
        }
        if (to.method() != from.method() || !to.currency().equals(from.currency())) {
            throw OperationRefused.onField("target", "transfer.otherMethod");
        }
        if (to.status() != ProcessStatus.OPEN || to.balance() <= 0) {
            throw OperationRefused.onField("target", "transfer.targetNotOpen");
        }
        Processes.requireAmountInRange(amount);
        Processes.requireSameCurrency(from, amount);
        long overpayment = Math.max(0, Math.min(-from.balance(), from.refundable()));
        long max = Math.min(overpayment, to.balance());
        if (amount.minor() > max) {
            throw OperationRefused.onField(
                    "amount", "transfer.aboveMaximum", from.money(max).toString());
        }
        from.transferTo(to, amount.minor());
        Map<String, Object> details =
                Map.of("amount", from.money(amount.minor()).toString(), "from", fromTxid, "to", toTxid);
        audit.record(actor, AuditEventType.OVERPAYMENT_TRANSFERRED, from.debtorId(), fromTxid, details);
        audit.record(actor, AuditEventType.OVERPAYMENT_TRANSFERRED, to.debtorId(), toTxid, details);
        return from.details();
    }
}
