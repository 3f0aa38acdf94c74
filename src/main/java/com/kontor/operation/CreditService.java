package com.kontor.operation;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
import com.kontor.db.RetryingTransactions;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessStatus;
import com.kontor.money.Currencies;
import com.kontor.operation.internal.FourEyes;
import com.kontor.operation.internal.MoneyPermission;
import com.kontor.operation.internal.OperationAudit;
import com.kontor.operation.internal.Payouts;
import com.kontor.operation.internal.Processes;
import com.kontor.tenancy.OperationRefused;
import com.kontor.text.FreeText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit entries (OPS-3): item lines whose total is credited, of a type of seed 001's list. Without flow of funds
 * the receivable falls and no money moves (a debtor-only credit, at most the receivable); with flow of funds the
 * total is also paid out to the original means of payment (at most what is refundable) and four-eyes applies
 * (OPS-6). Where the merchant booked invoice issuing, each credit entry issues a credit note with its items.
 */
@Service
public class CreditService {

    public static final int MAX_ITEMS = 50;

    private final Processes processes;
    private final Payouts payouts;
    private final FourEyes fourEyes;
    private final MoneyPermission permission;
    private final OperationAudit audit;
    private final CreditNotes creditNotes;
    private final JsonMapper json;
    private final RetryingTransactions transaction;

    public CreditService(
            Processes processes,
            Payouts payouts,
            FourEyes fourEyes,
            MoneyPermission permission,
            OperationAudit audit,
            CreditNotes creditNotes,
            JsonMapper json,
            PlatformTransactionManager transactionManager) {
        this.processes = processes;
        this.payouts = payouts;
        this.fourEyes = fourEyes;
        this.permission = permission;
        this.audit = audit;
        this.creditNotes = creditNotes;
        this.json = json;
        this.transaction = new RetryingTransactions(transactionManager);
    }

    /** What a credit entry with flow of funds will do once approved: stored with its approval request. */
    record Payload(CreditType type, List<CreditItem> items) {}

    private record Start(RefundOutcome outcome, Payouts.Prepared payout) {}

    /**
     * Books a credit entry of the items' total; with {@code withFunds} it is paid out too, or waits for approval. A
     * refused credit changes nothing; {@code expectedVersion} refuses a dialog's stale second submit.
     */
    public RefundOutcome credit(
            long txid, CreditType type, boolean withFunds, List<CreditItem> items, Long expectedVersion, Actor actor) {
        permission.require();
        long total = validate(items);
        Start start = transaction.write(status -> start(
                txid, type == null ? CreditType.CREDIT_ENTRY : type, withFunds, items, total, expectedVersion, actor));
        if (start.payout() == null) {
            return start.outcome();
        }
        CreditType credited = type == null ? CreditType.CREDIT_ENTRY : type;
        Payouts.Paid paid = payouts.pay(
                start.payout(),
                actor,
                AuditEventType.CREDIT_ENTRY_BOOKED,
                details(credited, true, items),
                p -> creditNotes.issue(p, items));
        if (paid.call().failed()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.PROVIDER_DECLINED,
                    "The provider refused the payout: " + paid.call().answer().errorMessage());
        }
        return new RefundOutcome.Done(paid.process());
    }

    private Start start(
            long txid,
            CreditType type,
            boolean withFunds,
            List<CreditItem> items,
            long total,
            Long expectedVersion,
            Actor actor) {
        LockedProcess process = processes.lock(txid, BookingSource.USER);
        // the same dialog sent again after its payout's booking failed: pay what it reserved, with the same key, once
        Optional<Payouts.Prepared> resumed =
                withFunds ? payouts.resumable(process, expectedVersion, total) : Optional.empty();
        if (resumed.isPresent()) {
            return new Start(null, resumed.get());
        }
        Processes.requireVersion(process, expectedVersion);
        ProcessStatus status = process.status();
        if (status == ProcessStatus.ERROR || status == ProcessStatus.EMPTY || status == ProcessStatus.IN_PROCESSING) {
            throw OperationRefused.because("credit.notInStatus", status.name());
        }
        if (!withFunds) {
            if (total > process.receivable()) {
                throw OperationRefused.onField(
                        "total",
                        "credit.aboveMaximum",
                        process.money(process.receivable()).toString());
            }
            process.credited(total, type.receivableType());
            audit.record(
                    actor,
                    AuditEventType.CREDIT_ENTRY_BOOKED,
                    process.debtorId(),
                    txid,
                    withAmount(details(type, false, items), process.money(total).toString()));
            creditNotes.issue(process, items);
            return new Start(new RefundOutcome.Done(process.details()), null);
        }
        if (total > process.refundable()) {
            throw OperationRefused.onField(
                    "total",
                    "credit.aboveMaximum",
                    process.money(Math.max(0, process.refundable())).toString());
        }
        Payouts.Prepared payout = payouts.prepare(process, total, type.receivableType());
        process.refundReserved(total);
        Optional<Long> held = fourEyes.holdIfNeeded(
                process,
                total,
                new FourEyes.Hold(
                        Approvals.CREDIT,
                        null,
                        json.writeValueAsString(new Payload(type, items)),
                        Map.of("type", type.name())),
                actor);
        if (held.isPresent()) {
            return new Start(new RefundOutcome.PendingApproval(held.get(), process.money(total), txid), null);
        }
        payouts.record(payout, AuditEventType.CREDIT_ENTRY_BOOKED, json.writeValueAsString(new Payload(type, items)));
        return new Start(null, payout);
    }

    /** The items' total; refuses what a credit note could not show. */
    static long validate(List<CreditItem> items) {
        if (items == null || items.isEmpty()) {
            throw OperationRefused.onField("items", "credit.noItems");
        }
        if (items.size() > MAX_ITEMS) {
            throw OperationRefused.onField("items", "credit.tooManyItems", MAX_ITEMS);
        }
        long total = 0;
        for (CreditItem item : items) {
            String description =
                    item.description() == null ? "" : item.description().strip();
            if (description.isEmpty() || description.length() > CreditItem.MAX_DESCRIPTION) {
                throw OperationRefused.onField("description", "credit.description", CreditItem.MAX_DESCRIPTION);
            }
            FreeText.Problem problem = FreeText.problem(description);
            if (problem != null) {
                throw OperationRefused.onField("description", problem.messageKey());
            }
            if (item.quantity() < 1 || item.quantity() > CreditItem.MAX_QUANTITY) {
                throw OperationRefused.onField("quantity", "credit.quantity", CreditItem.MAX_QUANTITY);
            }
            BigDecimal vat = item.vatPercent();
            if (vat == null
                    || vat.signum() < 0
                    || vat.compareTo(CreditItem.MAX_VAT) > 0
                    || vat.stripTrailingZeros().scale() > 2) {
                throw OperationRefused.onField("vat", "credit.vat");
            }
            if (!Currencies.inRange(item.unitGross()) || !Currencies.inRange(item.gross())) {
                throw OperationRefused.onField("price", "payment.amountRange");
            }
            total = Math.addExact(total, item.gross());
        }
        if (!Currencies.inRange(total)) {
            throw OperationRefused.onField("total", "payment.amountRange");
        }
        return total;
    }

    static Map<String, Object> details(CreditType type, boolean withFunds, List<CreditItem> items) {
        return Map.of(
                "type", type.name(),
                "withFunds", withFunds,
                "items",
                        items.stream()
                                .map(i -> i.quantity() + " × " + i.description().strip() + " ("
                                        + i.vatPercent().toPlainString() + " %)")
                                .toList());
    }

    private static Map<String, Object> withAmount(Map<String, Object> details, String amount) {
        Map<String, Object> all = new java.util.HashMap<>(details);
        all.put("amount", amount);
        return all;
    }
}
