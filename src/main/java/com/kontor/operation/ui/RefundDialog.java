package com.kontor.operation.ui;

import com.kontor.audit.Actor;
import com.kontor.ledger.ProcessLimits;
import com.kontor.money.Money;
import com.kontor.operation.RefundService;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * OPS-2: a refund to the original means of payment through its provider, never to an account typed in; at most
 * what was collected minus what was refunded and reserved; with a reason; above the four-eyes threshold it waits.
 */
class RefundDialog extends MoneyDialog {

    private final BigDecimalField amount;
    private final TextArea reason;
    private final Money max;
    private final ProcessLimits limits;
    private final RefundService refunds;
    private final Actor actor;
    private Money chosen;

    RefundDialog(ProcessLimits limits, RefundService refunds, Actor actor, Runnable afterwards) {
        super("refund.title", "refund-dialog", limits.currency(), afterwards);
        this.limits = limits;
        this.refunds = refunds;
        this.actor = actor;
        max = new Money(limits.refundable(), limits.currency());
        add(new Paragraph(getTranslation("refund.explain")));
        amount = amountField("refund.amount", "refund-amount", max);
        field("amount", amount);
        field("amount.value", amount);
        reason = new TextArea(getTranslation("refund.reason"));
        reason.setId("refund-reason");
        reason.setMaxLength(RefundService.MAX_REASON);
        reason.setWidthFull();
        field("reason", reason);
        add(amount, reason);
    }

    @Override
    protected boolean valid() {
        chosen = amount(amount, max, false).orElse(null);
        boolean hasReason = !reason.getValue().isBlank();
        reason.setInvalid(!hasReason);
        reason.setErrorMessage(hasReason ? null : getTranslation("refund.reasonRequired"));
        return chosen != null && hasReason;
    }

    @Override
    protected void run() {
        report(
                refunds.refund(limits.txid(), chosen, reason.getValue().strip(), limits.version(), actor),
                "refund.done");
    }
}
