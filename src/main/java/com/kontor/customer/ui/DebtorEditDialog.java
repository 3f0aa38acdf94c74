package com.kontor.customer.ui;

import com.kontor.audit.Actor;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorPaymentData;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.debtor.MasterDataRules;
import com.kontor.debtor.PaymentDataValidation;
import com.kontor.tenancy.OperationRefused;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The edit dialog of DEB-2 with two tabs. Master data: a {@link BeanValidationBinder} on the {@link MasterData}
 * record checks every field next to itself by the same constraints the API applies; a save that meets a change made
 * meanwhile (a colleague, the shop's API) is refused and shows the current values. Payment data: {@link
 * PaymentDataTab}. A debtor is never deleted. Every save lands in the debtor's history and the audit log.
 */
class DebtorEditDialog extends Dialog {

    private static final List<String> TEXT_FIELDS = List.of(
            "salutation",
            "title",
            "firstName",
            "lastName",
            "company",
            "street",
            "addressLine2",
            "postcode",
            "city",
            "email",
            "phone",
            "language",
            "vatId");

    private final DebtorService debtors;
    private final Actor actor;
    private final Runnable saved;
    private final BeanValidationBinder<MasterData> binder = new BeanValidationBinder<>(MasterData.class);
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Paragraph message = new Paragraph();
    private DebtorDetails debtor;

    DebtorEditDialog(
            DebtorDetails debtor,
            DebtorService debtors,
            DebtorPaymentData paymentData,
            PaymentDataValidation validation,
            Actor actor,
            Runnable saved) {
        this.debtor = debtor;
        this.debtors = debtors;
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
            // an empty or blank field is an absent value, as the API treats it
            binder.forField(field)
                    .withConverter(
                            value -> value == null || value.isBlank() ? null : value,
                            value -> value == null ? "" : value)
                    .bind(name);
            if (name.equals("city")) {
                form.add(countrySelect());
            }
        }
        DatePicker birthday = new DatePicker(getTranslation("edit.field.birthday"));
        birthday.setId("edit-birthday");
        birthday.setLocale(getLocale());
        binder.forField(birthday).bind("birthday");
        form.add(birthday);
        message.setId("edit-message");
        Button save = new Button(getTranslation("edit.save"), e -> save());
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout master = new VerticalLayout(message, form);
        master.setPadding(false);
        PaymentDataTab payment = new PaymentDataTab(debtor.id(), paymentData, validation, actor);
        TabSheet tabs = new TabSheet();
        tabs.setId("edit-tabs");
        tabs.add(getTranslation("edit.masterData"), master);
        tabs.add(getTranslation("edit.paymentData"), payment);
        add(tabs);
        Button closeButton = new Button(getTranslation("common.close"), e -> close());
        closeButton.setId("edit-close");
        getFooter().add(closeButton, save);
        binder.readRecord(debtor.masterData());
        // the detail view shows payment data changes once the dialog closes (a reload now would close it)
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && payment.changed()) {
                saved.run();
            }
        });
    }

    /**
     * The country as a choice of ISO 3166 codes, named in the user's language; a code stored before the check existed
     * stays selectable, so that opening the dialog changes nothing, and saving it names the problem.
     */
    private ComboBox<String> countrySelect() {
        Locale locale = getLocale();
        Set<String> codes = new TreeSet<>(MasterDataRules.COUNTRIES);
        if (debtor.masterData().country() != null) {
            codes.add(debtor.masterData().country());
        }
        ComboBox<String> country = new ComboBox<>(getTranslation("edit.field.country"));
        country.setId("edit-country");
        country.setItemLabelGenerator(code -> {
            String name = Locale.of("", code).getDisplayCountry(locale);
            return name.equals(code) ? code : name + " (" + code + ")";
        });
        country.setItems(codes.stream()
                .sorted(Comparator.comparing(country.getItemLabelGenerator()::apply, Collator.getInstance(locale)))
                .toList());
        country.setClearButtonVisible(true);
        fields.put("country", country);
        binder.forField(country).bind("country");
        return country;
    }

    private void save() {
        message.setText("");
        MasterData data;
        try {
            data = binder.writeRecord();
        } catch (ValidationException invalid) {
            return; // each field shows its own message
        }
        if (!data.isLastNameOrCompany()) {
            fields.get("lastName").setErrorMessage(getTranslation("edit.nameRequired"));
            fields.get("lastName").setInvalid(true);
            return;
        }
        Map<String, String> problems = MasterDataRules.problems(data);
        problems.forEach((name, key) -> {
            fields.get(name).setErrorMessage(getTranslation("edit.invalid." + key));
            fields.get(name).setInvalid(true);
        });
        if (!problems.isEmpty()) {
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
                binder.readRecord(current.masterData());
            });
        }
    }
}
