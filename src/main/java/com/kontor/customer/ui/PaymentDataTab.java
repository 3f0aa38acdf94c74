package com.kontor.customer.ui;

import com.kontor.audit.Actor;
import com.kontor.debtor.BankAccountData;
import com.kontor.debtor.BankAccountSummary;
import com.kontor.debtor.CardSummary;
import com.kontor.debtor.DebtorPaymentData;
import com.kontor.debtor.PaymentDataValidation;
import com.kontor.tenancy.OperationRefused;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edit dialog's payment data tab (DEB-3): bank accounts (IBAN checked, masked) added, amended or deleted after a
 * confirmation; cards shown with their masked number only, their holder and expiry amended. A refusal shows next to
 * its field. Changes apply to the debtor's future payments, never to money already paid out.
 */
class PaymentDataTab extends VerticalLayout {

    private final long debtorId;
    private final DebtorPaymentData paymentData;
    private final PaymentDataValidation validation;
    private final Actor actor;
    private boolean changed;

    PaymentDataTab(long debtorId, DebtorPaymentData paymentData, PaymentDataValidation validation, Actor actor) {
        this.debtorId = debtorId;
        this.paymentData = paymentData;
        this.validation = validation;
        this.actor = actor;
        setPadding(false);
        setId("edit-payment-data");
        show();
    }

    /** Whether anything was changed since the dialog opened. */
    boolean changed() {
        return changed;
    }

    private void show() {
        removeAll();
        int i = 0;
        for (BankAccountSummary account : paymentData.bankAccounts(debtorId)) {
            int index = i++;
            add(new HorizontalLayout(
                    new Span(getTranslation(
                            "paymentData.bankAccount",
                            account.ibanMasked(),
                            account.holder(),
                            account.bic() == null ? "–" : account.bic())),
                    amendButton("edit-amend-iban-" + index, () -> amendBankAccount(account)),
                    deleteButton(
                            "edit-delete-iban-" + index,
                            account.ibanMasked(),
                            () -> paymentData.removeBankAccount(account.id(), actor))));
        }
        int c = 0;
        for (CardSummary card : paymentData.cards(debtorId)) {
            int index = c++;
            Span text = new Span(card.brand() + " " + card.maskedNumber() + " · "
                    + String.format("%02d/%d", card.expiryMonth(), card.expiryYear())
                    + (card.holder() == null ? "" : " · " + card.holder()));
            text.setId("edit-card-" + index);
            add(new HorizontalLayout(
                    text,
                    amendButton("edit-amend-card-" + index, () -> amendCard(card)),
                    deleteButton(
                            "edit-delete-card-" + index,
                            card.maskedNumber(),
                            () -> paymentData.removeCard(card.id(), actor))));
        }
        add(new Paragraph(getTranslation("edit.newBankAccount")), newBankAccount());
    }

    private void changedNow() {
        changed = true;
        show();
    }

    private Component newBankAccount() {
        TextField holder = new TextField(getTranslation("edit.holder"));
        holder.setId("edit-new-holder");
        TextField iban = new TextField(getTranslation("edit.iban"));
        iban.setId("edit-new-iban");
        TextField bic = new TextField(getTranslation("edit.bic"));
        bic.setId("edit-new-bic");
        Map<String, TextField> byField =
                Map.of("bankAccount.holder", holder, "bankAccount.iban", iban, "bankAccount.bic", bic);
        Button add = new Button(getTranslation("edit.addBankAccount"), e -> {
            byField.values().forEach(f -> f.setInvalid(false));
            try {
                paymentData.useBankAccount(
                        debtorId,
                        validation.validate(
                                new BankAccountData(holder.getValue(), iban.getValue(), bic.getValue()), "bankAccount"),
                        actor);
                changedNow();
            } catch (OperationRefused refused) {
                TextField target = byField.getOrDefault(refused.field(), iban);
                target.setErrorMessage(getTranslation(refused.messageKey()));
                target.setInvalid(true);
            }
        });
        add.setId("edit-add-bank-account");
        return new FormLayout(holder, iban, bic, add);
    }

    private Button amendButton(String id, Runnable open) {
        Button amend = new Button(getTranslation("edit.amend"), e -> open.run());
        amend.setId(id);
        amend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return amend;
    }

    private Button deleteButton(String id, String what, Runnable delete) {
        Button button = new Button(
                getTranslation("edit.delete"),
                e -> new ConfirmDeleteDialog(what, () -> {
                            delete.run();
                            changedNow();
                        })
                        .open());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** DEB-3: holder and BIC of a bank account change; its IBAN never does (a new IBAN is a new account). */
    private void amendBankAccount(BankAccountSummary account) {
        TextField holder = new TextField(getTranslation("edit.holder"));
        holder.setValue(account.holder() == null ? "" : account.holder());
        TextField bic = new TextField(getTranslation("edit.bic"));
        bic.setValue(account.bic() == null ? "" : account.bic());
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("holder", holder);
        fields.put("bic", bic);
        new AmendDialog(
                        getTranslation("edit.amendTitle", account.ibanMasked()),
                        fields,
                        () -> paymentData.amendBankAccount(account.id(), holder.getValue(), bic.getValue(), actor),
                        this::changedNow)
                .open();
    }

    /** DEB-3: holder and expiry of a card change (a renewed card); number and token never do. */
    private void amendCard(CardSummary card) {
        TextField holder = new TextField(getTranslation("edit.cardHolder"));
        holder.setValue(card.holder() == null ? "" : card.holder());
        IntegerField month = new IntegerField(getTranslation("edit.expiryMonth"));
        month.setValue(card.expiryMonth());
        IntegerField year = new IntegerField(getTranslation("edit.expiryYear"));
        year.setValue(card.expiryYear());
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("holder", holder);
        fields.put("expiryMonth", month);
        fields.put("expiryYear", year);
        new AmendDialog(
                        getTranslation("edit.amendTitle", card.brand() + " " + card.maskedNumber()),
                        fields,
                        () -> paymentData.amendCard(
                                card.id(), holder.getValue(), month.getValue(), year.getValue(), actor),
                        this::changedNow)
                .open();
    }
}
