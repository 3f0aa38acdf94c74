package com.kontor.operation.ui;

import com.kontor.audit.Actor;
import com.kontor.ledger.ProcessDetails;
import com.kontor.money.Money;
import com.kontor.operation.MoneyActions;
import com.kontor.operation.TransferService;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;

/**
 * OPS-5 (seed 001 "Transfer"): an overpayment moves to an open receivable of the same debtor, only between processes
 * of one account-based payment method; for card or wallet the dialog says why not and offers nothing to confirm.
 */
class TransferDialog extends MoneyDialog {

    private final MoneyActions.Options options;
    private final TransferService transfers;
    private final Actor actor;
    private final ComboBox<ProcessDetails> target = new ComboBox<>();
    private BigDecimalField amount;
    private Money chosen;

    TransferDialog(MoneyActions.Options options, TransferService transfers, Actor actor, Runnable afterwards) {
        super("transfer.title", "transfer-dialog", options.limits().currency(), afterwards);
        this.options = options;
        this.transfers = transfers;
        this.actor = actor;
        Money overpayment = new Money(options.limits().overpayment(), currency);
        add(new Paragraph(
                getTranslation("transfer.explain", format(-options.limits().balance()))));
        if (options.transferRefusal() != null) {
            Paragraph why = new Paragraph(getTranslation(options.transferRefusal()));
            why.setId("transfer-refusal");
            why.getStyle().set("color", "var(--lumo-error-text-color)");
            add(why);
            confirm.setVisible(false);
            return;
        }
        target.setLabel(getTranslation("transfer.target"));
        target.setId("transfer-target");
        target.setItems(options.transferTargets());
        target.setItemLabelGenerator(p -> getTranslation(
                "transfer.targetLabel",
                Long.toString(p.txid()),
                p.reference(),
                p.amounts().balance().format(getLocale())));
        target.setWidthFull();
        field("target", target);
        amount = amountField("transfer.amount", "transfer-amount", overpayment);
        field("amount", amount);
        target.addValueChangeListener(e -> {
            Money max = max();
            amount.setHelperText(getTranslation("money.maximum", max.format(getLocale())));
            amount.setValue(max.toMajor());
        });
        add(target, amount);
    }

    private Money max() {
        long over = options.limits().overpayment();
        ProcessDetails to = target.getValue();
        return new Money(
                to == null ? over : Math.min(over, to.amounts().balance().minor()), currency);
    }

    @Override
    protected boolean valid() {
        if (target.getValue() == null) {
            target.setErrorMessage(getTranslation("transfer.chooseTarget"));
            target.setInvalid(true);
            return false;
        }
        target.setInvalid(false);
        chosen = amount(amount, max(), false).orElse(null);
        return chosen != null;
    }

    @Override
    protected void run() {
        transfers.transfer(
                options.limits().txid(),
                target.getValue().txid(),
                chosen,
                options.limits().version(),
                actor);
        success("transfer.done");
    }
}
