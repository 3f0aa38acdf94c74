package com.kontor.operation;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.LedgerQueries;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ProcessStatus;
import com.kontor.money.Money;
import com.kontor.operation.internal.MoneyPermission;
import com.kontor.operation.internal.OperationAudit;
import com.kontor.operation.internal.Processes;
import com.kontor.psp.ProviderCall;
import com.kontor.psp.ProviderLog;
import com.kontor.psp.ProviderOperation;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Captures of pre-authorisations (OPS-1), by hand or by the shop's shipment call, and whether an order may ship.
 * The process is locked while the provider is asked, so two captures of one process never take more than was
 * pre-authorised.
 */
@Service
public class CaptureService {

    private final Processes processes;
    private final LedgerQueries ledgerQueries;
    private final ProviderLog providerLog;
    private final MoneyPermission permission;
    private final OperationAudit audit;

    public CaptureService(
            Processes processes,
            LedgerQueries ledgerQueries,
            ProviderLog providerLog,
            MoneyPermission permission,
            OperationAudit audit) {
        this.processes = processes;
        this.ledgerQueries = ledgerQueries;
        this.providerLog = providerLog;
        this.permission = permission;
        this.audit = audit;
    }

    /** Captures {@code amount} of a pre-authorisation; at most what is still pre-authorised. */
    @Transactional
    public ProcessDetails capture(long txid, Money amount, Actor actor) {
        return capture(txid, amount, null, actor);
    }

    /** A capture from a dialog that showed the process at {@code expectedVersion}: refused when it changed since. */
    @Transactional
    public ProcessDetails capture(long txid, Money amount, Long expectedVersion, Actor actor) {
        permission.require();
        Processes.requireAmountInRange(amount);
        LockedProcess process = processes.lock(txid, BookingSource.PROVIDER);
        Processes.requireVersion(process, expectedVersion);
        requirePreauthorised(process, "nothing is pre-authorised to capture.");
        Processes.requireSameCurrency(process, amount);
        if (amount.minor() > process.preauthorized()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.AMOUNT_EXCEEDS_LIMIT,
                    "At most " + process.money(process.preauthorized()) + " is left to capture.");
        }
        return capture(process, amount.minor(), actor);
    }

    /** The order shipped: captures what is still pre-authorised (seed 000). */
    @Transactional
    public ProcessDetails ship(long txid, Actor actor) {
        permission.require();
        LockedProcess process = processes.lock(txid, BookingSource.PROVIDER);
        requirePreauthorised(process, "nothing is left pre-authorised to capture.");
        return capture(process, process.preauthorized(), actor);
    }

    private static void requirePreauthorised(LockedProcess process, String otherwise) {
        if (process.status() != ProcessStatus.PREAUTHORIZED || process.preauthorized() == 0) {
            throw new PaymentRefused(
                    PaymentRefused.Code.INVALID_STATE,
                    "Process " + process.txid() + " is " + process.status() + ": " + otherwise);
        }
    }

    private ProcessDetails capture(LockedProcess process, long amount, Actor actor) {
        ProviderCall call = processes.ask(process, ProviderOperation.CAPTURE, amount);
        providerLog.record(process.txid(), call);
        if (call.failed()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.PROVIDER_DECLINED,
                    "The provider refused the capture: " + call.answer().errorMessage());
        }
        process.captured(amount, call.answer().providerTxn(), call.approved());
        audit.record(
                actor,
                AuditEventType.PAYMENT_CAPTURED,
                process.debtorId(),
                process.txid(),
                Map.of("amount", process.money(amount).toString()));
        return process.details();
    }

    /** API.md: may the order ship, i.e. is the payment committed? */
    @Transactional(readOnly = true)
    public Shippable shippable(long txid) {
        ProcessDetails p = ledgerQueries.summary(txid).orElseThrow(() -> Processes.notFound(txid));
        return switch (p.status()) {
            case PREAUTHORIZED -> new Shippable(true, "The amount is pre-authorised.");
            case OK -> new Shippable(true, "The process is paid.");
            case OPEN ->
                switch (p.paymentMethod()) {
                    case INVOICE -> new Shippable(true, "An invoice is paid after delivery.");
                    case CASH_ON_DELIVERY -> new Shippable(true, "Cash on delivery is paid at delivery.");
                    case PREPAYMENT -> new Shippable(false, "The prepayment has not arrived yet.");
                    default -> new Shippable(false, "The payment is open.");
                };
            case IN_PROCESSING ->
                p.paymentMethod() == PaymentMethod.DIRECT_DEBIT && p.mandateId() != null
                        ? new Shippable(true, "The direct debit is in processing with a mandate.")
                        : new Shippable(false, "The payment is still in processing.");
            case ERROR -> new Shippable(false, "The payment failed.");
            case EMPTY -> new Shippable(false, "The payment was abandoned.");
        };
    }
}
