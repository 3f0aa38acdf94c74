package com.kontor.payment.ui;

import com.kontor.audit.Actor;
import com.kontor.debtor.BankAccountData;
import com.kontor.debtor.BankAccountView;
import com.kontor.debtor.CardView;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorPaymentData;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.tenancy.OperationRefused;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The edit dialog of DEB-2 with two tabs. Master data: every field checked next to itself by the same constraints
 * the API applies (a Binder over {@link MasterData}'s constraints); a save that meets a change made meanwhile (a
 * colleague, the shop's API) is refused and shows the current values. Payment data: bank accounts (IBAN checked,
 * masked) added or deleted after a confirmation, cards shown with their masked number only. A debtor is never
 * deleted. Every save lands in the debtor's history and the audit log.
 */
class DebtorEditDialog extends Dialog {

    private static final String[] TEXT_FIELDS = {
        "salutation",
        "title",
        "firstName",
        "lastName",
        "company",
        "street",
        "addressLine2",
        "postcode",
        "city",
        "country",
        "email",
        "phone",
        "language",
        "vatId"
    };

    private final DebtorService debtors;
    private final DebtorPaymentData paymentData;
    private final Validator validator;
    private final Actor actor;
    private final Runnable saved;
    private final Binder<Map<String, Object>> binder = new Binder<>();
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final DatePicker birthday = new DatePicker();
    private final Paragraph message = new Paragraph();
    private final VerticalLayout payment = new VerticalLayout();
    private DebtorDetails debtor;
    private boolean paymentChanged;

    DebtorEditDialog(
            DebtorDetails debtor,
            DebtorService debtors,
            DebtorPaymentData paymentData,
            Validator validator,
            Actor actor,
            Runnable saved) {
        this.debtor = debtor;
        this.debtors = debtors;
        this.paymentData = paymentData;
        this.validator = validator;
        this.actor = actor;
        this.saved = saved;
        setHeaderTitle(getTranslation("edit.title", Long.toString(debtor.debtorNumber())));
        setWidth("56em");
        FormLayout form = new FormLayout();
        for (String name : TEXT_FIELDS) {
            TextField field = new TextField(getTranslation("edit.field." + name));
            field.setId("edit-" + name);
            fields.put(name, field);
            form.add(field);
            binder.forField(field)
                    .withValidator((value, context) -> check(name, value))
                    .bind(m -> (String) m.getOrDefault(name, ""), (m, v) -> m.put(name, v));
        }
        birthday.setLabel(getTranslation("edit.field.birthday"));
        birthday.setId("edit-birthday");
        birthday.setLocale(getLocale());
        binder.forField(birthday)
                .withValidator((value, context) -> check("birthday", value))
                .bind(m -> (LocalDate) m.get("birthday"), (m, v) -> m.put("birthday", v));
        form.add(birthday);
        message.setId("edit-message");
        Button save = new Button(getTranslation("edit.save"), e -> save());
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout master = new VerticalLayout(message, form);
        master.setPadding(false);
        payment.setPadding(false);
        payment.setId("edit-payment-data");
        TabSheet tabs = new TabSheet();
        tabs.setId("edit-tabs");
        tabs.add(getTranslation("edit.masterData"), master);
        tabs.add(getTranslation("edit.paymentData"), payment);
        add(tabs);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()), save);
        show(debtor);
        showPaymentData();
        // the detail view shows payment data changes once the dialog closes (a reload now would close it)
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && paymentChanged) {
                saved.run();
            }
        });
    }

    /** The constraints of {@link MasterData} on one field, as the API checks them. */
    private ValidationResult check(String name, Object value) {
        Object typed = value instanceof String s && s.isBlank() ? null : value;
        Set<ConstraintViolation<MasterData>> violations = validator.validateValue(MasterData.class, name, typed);
        return violations.isEmpty()
                ? ValidationResult.ok()
                : ValidationResult.error(violations.iterator().next().getMessage());
    }

    private void show(DebtorDetails current) {
        Map<String, Object> values = new HashMap<>(current.masterData().asFields());
        values.put("birthday", current.masterData().birthday());
        values.replaceAll((k, v) -> v == null && !k.equals("birthday") ? "" : v);
        binder.readBean(values);
    }

    private void save() {
        message.setText("");
        Map<String, Object> values = new HashMap<>();
        if (!binder.writeBeanIfValid(values)) {
            return;
        }
        MasterData data = new MasterData(
                text(values, "salutation"),
                text(values, "title"),
                text(values, "firstName"),
                text(values, "lastName"),
                text(values, "company"),
                text(values, "street"),
                text(values, "addressLine2"),
                text(values, "postcode"),
                text(values, "city"),
                text(values, "country"),
                text(values, "email"),
                text(values, "phone"),
                (LocalDate) values.get("birthday"),
                text(values, "language"),
                text(values, "vatId"));
        if (!data.isLastNameOrCompany()) {
            fields.get("lastName").setErrorMessage(getTranslation("edit.nameRequired"));
            fields.get("lastName").setInvalid(true);
            return;
        }
        try {
            debtor = debtors.update(debtor.id(), debtor.version(), data, actor);
            close();
            saved.run();
        } catch (OperationRefused refused) {
            message.setText(getTranslation(refused.messageKey()));
            debtors.details(debtor.id()).ifPresent(current -> {
                debtor = current; // the current values, so that the agent enters the change again knowingly
                show(current);
            });
        }
    }

    private void showPaymentData() {
        payment.removeAll();
        int i = 0;
        for (BankAccountView account : paymentData.bankAccounts(debtor.id())) {
            int index = i++;
            Button delete = new Button(
                    getTranslation("edit.delete"),
                    e -> confirmDelete(account.ibanMasked(), () -> paymentData.removeBankAccount(account.id(), actor)));
            delete.setId("edit-delete-iban-" + index);
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            Button amend = amendButton("edit-amend-iban-" + index, () -> amendBankAccount(account));
            payment.add(new HorizontalLayout(
                    new Span(getTranslation(
                            "paymentData.bankAccount",
                            account.ibanMasked(),
                            account.holder(),
                            account.bic() == null ? "–" : account.bic())),
                    amend,
                    delete));
        }
        int c = 0;
        for (CardView card : paymentData.cards(debtor.id())) {
            int index = c++;
            Button delete = new Button(
                    getTranslation("edit.delete"),
                    e -> confirmDelete(card.maskedNumber(), () -> paymentData.removeCard(card.id(), actor)));
            delete.setId("edit-delete-card-" + index);
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            Button amend = amendButton("edit-amend-card-" + index, () -> amendCard(card));
            Span text = new Span(card.brand() + " " + card.maskedNumber() + " · "
                    + String.format("%02d/%d", card.expiryMonth(), card.expiryYear())
                    + (card.holder() == null ? "" : " · " + card.holder()));
            text.setId("edit-card-" + index);
            payment.add(new HorizontalLayout(text, amend, delete));
        }
        TextField holder = new TextField(getTranslation("edit.holder"));
        holder.setId("edit-new-holder");
        TextField iban = new TextField(getTranslation("edit.iban"));
        iban.setId("edit-new-iban");
        TextField bic = new TextField(getTranslation("edit.bic"));
        bic.setId("edit-new-bic");
        Button add = new Button(getTranslation("edit.addBankAccount"), e -> {
            Map<String, HasValue<?, ?>> byField =
                    Map.of("bankAccount.holder", holder, "bankAccount.iban", iban, "bankAccount.bic", bic);
            for (TextField f : new TextField[] {holder, iban, bic}) {
                f.setInvalid(false);
            }
            try {
                paymentData.useBankAccount(
                        debtor.id(),
                        paymentData.validate(
                                new BankAccountData(holder.getValue(), iban.getValue(), bic.getValue()), "bankAccount"),
                        actor);
                paymentChanged = true;
                showPaymentData();
            } catch (OperationRefused refused) {
                TextField target = (TextField) byField.getOrDefault(refused.field(), iban);
                target.setErrorMessage(getTranslation(refused.messageKey()));
                target.setInvalid(true);
            }
        });
        add.setId("edit-add-bank-account");
        FormLayout newAccount = new FormLayout(holder, iban, bic, add);
        payment.add(new Paragraph(getTranslation("edit.newBankAccount")), newAccount);
    }

    private Button amendButton(String id, Runnable open) {
        Button amend = new Button(getTranslation("edit.amend"), e -> open.run());
        amend.setId(id);
        amend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return amend;
    }

    /** DEB-3: holder and BIC of a bank account change; its IBAN never does (a new IBAN is a new account). */
    private void amendBankAccount(BankAccountView account) {
        TextField holder = new TextField(getTranslation("edit.holder"));
        holder.setValue(account.holder() == null ? "" : account.holder());
        TextField bic = new TextField(getTranslation("edit.bic"));
        bic.setValue(account.bic() == null ? "" : account.bic());
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("holder", holder);
        fields.put("bic", bic);
        openAmend(
                getTranslation("edit.amendTitle", account.ibanMasked()),
                fields,
                () -> paymentData.amendBankAccount(account.id(), holder.getValue(), bic.getValue(), actor));
    }

    /** DEB-3: holder and expiry of a card change (a renewed card); number and token never do. */
    private void amendCard(CardView card) {
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
        openAmend(
                getTranslation("edit.amendTitle", card.brand() + " " + card.maskedNumber()),
                fields,
                () -> paymentData.amendCard(card.id(), holder.getValue(), month.getValue(), year.getValue(), actor));
    }

    /** A small dialog over the edit dialog: the fields, and a save that shows a refusal next to its field. */
    private void openAmend(String title, Map<String, Component> fields, Runnable save) {
        Dialog dialog = new Dialog(title);
        FormLayout form = new FormLayout();
        fields.forEach((name, field) -> {
            field.setId("amend-" + name);
            form.add(field);
        });
        Button ok = new Button(getTranslation("edit.save"), e -> {
            fields.values().forEach(f -> ((HasValidation) f).setInvalid(false));
            try {
                save.run();
                dialog.close();
                paymentChanged = true;
                showPaymentData();
            } catch (OperationRefused refused) {
                HasValidation target = (HasValidation) fields.getOrDefault(
                        refused.field(), fields.values().iterator().next());
                target.setErrorMessage(getTranslation(refused.messageKey()));
                target.setInvalid(true);
            }
        });
        ok.setId("amend-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void confirmDelete(String what, Runnable delete) {
        Dialog confirm = new Dialog(getTranslation("edit.deleteTitle", what));
        Button yes = new Button(getTranslation("edit.delete"), e -> {
            delete.run();
            confirm.close();
            paymentChanged = true;
            showPaymentData();
        });
        yes.setId("edit-confirm-delete");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.add(new Paragraph(getTranslation("edit.deleteText")));
        confirm.getFooter().add(new Button(getTranslation("common.cancel"), e -> confirm.close()), yes);
        confirm.open();
    }

    private static String text(Map<String, Object> values, String name) {
        Object value = values.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
