package com.kontor.operation.ui;

import com.kontor.audit.Actor;
import com.kontor.ledger.ProcessLimits;
import com.kontor.money.Money;
import com.kontor.operation.DerecognitionService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * OPS-4 (seed 001 "De-recognition of an open receivable"): the old balance, the sum of the credit note (no flow of
 * funds: the whole open balance), the amount disbursed (flow of funds, optional) and the new balance, shown before
 * confirming; a required comment that lands in the audit log and never on a document the debtor sees.
 */
class DerecognitionDialog extends MoneyDialog {

    private final ProcessLimits limits;
    private final DerecognitionService service;
    private final Actor actor;
    private final BigDecimalField disbursal;
    private final TextArea comment = new TextArea();
    private final Span newBalance = new Span();
    private final Span refundedAfter = new Span();
    private final Money maxDisbursal;
    private Money chosen;

    DerecognitionDialog(
            ProcessLimits limits, boolean payout, DerecognitionService service, Actor actor, Runnable afterwards) {
        super("derecognition.title", "derecognition-dialog", limits.currency(), afterwards);
        this.limits = limits;
        this.service = service;
        this.actor = actor;
        maxDisbursal = new Money(Math.max(0, limits.refundable()), currency);
        add(new Paragraph(getTranslation("derecognition.explain")));
        Div figures = new Div(
                row("derecognition.oldBalance", new Span(format(limits.balance())), "derecognition-old-balance"),
                row("derecognition.creditNote", new Span(format(limits.balance())), "derecognition-credit-note"),
                row("derecognition.newBalance", newBalance, "derecognition-new-balance"));
        figures.addClassName("kontor-facts");
        disbursal = amountField("derecognition.disbursal", "derecognition-disbursal", maxDisbursal);
        disbursal.setEnabled(payout && limits.refundable() > 0);
        disbursal.addValueChangeListener(e -> preview());
        field("disbursal", disbursal);
        comment.setLabel(getTranslation("derecognition.comment"));
        comment.setHelperText(getTranslation("derecognition.commentHelp"));
        comment.setId("derecognition-comment");
        comment.setMaxLength(DerecognitionService.MAX_COMMENT);
        comment.setWidthFull();
        field("comment", comment);
        refundedAfter.setId("derecognition-disbursed");
        add(figures, disbursal, refundedAfter, comment);
        preview();
    }

    private Div row(String labelKey, Span value, String id) {
        value.setId(id);
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("kontor-facts-label");
        Div row = new Div(label, value);
        row.addClassName("kontor-facts-row");
        row.getStyle()
                .set("display", "flex")
                .set("justify-content", "space-between")
                .set("gap", "1em");
        return row;
    }

    /** The new balance and what leaves, as they will be once confirmed (TX-9: the open balance is written off). */
    private void preview() {
        // the whole open balance is credited without funds; a disbursal is a refund: receivable and paid fall alike
        newBalance.setText(format(0));
        long out = 0;
        try {
            if (disbursal.getValue() != null) {
                out = Money.ofMajor(disbursal.getValue(), currency).minor();
            }
        } catch (IllegalArgumentException e) {
            out = 0;
        }
        refundedAfter.setText(out > 0 ? getTranslation("derecognition.disbursedPreview", format(out)) : "");
    }

    @Override
    protected boolean valid() {
        chosen = amount(disbursal, maxDisbursal, true).orElse(null);
        boolean hasComment = !comment.getValue().isBlank();
        comment.setInvalid(!hasComment);
        comment.setErrorMessage(hasComment ? null : getTranslation("derecognition.commentRequired"));
        return chosen != null && hasComment;
    }

    @Override
    protected void run() {
        report(
                service.derecognise(limits.txid(), chosen, comment.getValue(), limits.version(), actor),
                "derecognition.done");
    }
}
