package com.kontor.operation.ui;

import com.kontor.audit.Actor;
import com.kontor.ledger.ProcessLimits;
import com.kontor.money.Money;
import com.kontor.operation.CaptureService;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;

/** OPS-1: capture of a pre-authorised amount, full (the amount proposed) or partial. */
class CaptureDialog extends MoneyDialog {

    private final BigDecimalField amount;
    private final Money max;
    private final Runnable capture;
    private Money chosen;

    CaptureDialog(ProcessLimits limits, CaptureService captures, Actor actor, Runnable afterwards) {
        super("capture.title", "capture-dialog", limits.currency(), afterwards);
        max = new Money(limits.preauthorized(), limits.currency());
        add(new Paragraph(getTranslation("capture.explain", max.format(getLocale()))));
        amount = amountField("capture.amount", "capture-amount", max);
        amount.setValue(max.toMajor());
        field("amount", amount);
        field("amount.value", amount);
        add(amount);
        capture = () -> captures.capture(limits.txid(), chosen, limits.version(), actor);
    }

    @Override
    protected boolean valid() {
        chosen = amount(amount, max, false).orElse(null);
        return chosen != null;
    }

    @Override
    protected void run() {
        capture.run();
        success("capture.done");
    }
}
