package com.kontor.payment.ui;

import com.kontor.blacklist.Blacklist;
import com.kontor.blacklist.BlacklistEntryView;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.debtor.BankAccountView;
import com.kontor.debtor.CardView;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorPaymentData;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/**
 * A debtor's email, bank accounts and cards (DEB-3, masked) with their blacklist state beside each (BL-2) and, for
 * SUPPORT and ADMIN of merchants with the risk module, a button to put the value on the blacklist with an optional
 * expiry, or to take it off (BL-1). Values are matched by their keyed fingerprints; none is ever shown in full.
 */
class PaymentDataPanel extends VerticalLayout {

    private final Blacklist blacklist;
    private final DebtorPaymentData paymentData;
    private final boolean riskBooked;
    private final boolean mayManage;
    private final Runnable changed;

    PaymentDataPanel(
            DebtorDetails debtor,
            DebtorPaymentData paymentData,
            Blacklist blacklist,
            KontorUser user,
            java.util.Set<BookedModule> modules,
            Runnable changed) {
        this.blacklist = blacklist;
        this.paymentData = paymentData;
        this.riskBooked = modules.contains(BookedModule.RISK);
        this.mayManage = riskBooked && (user.hasRole(Role.SUPPORT) || user.hasRole(Role.ADMIN));
        this.changed = changed;
        setPadding(false);
        setSpacing(false);
        setId("payment-data");
        add(new H3(getTranslation("paymentData.title")));
        String email = debtor.masterData().email();
        if (email != null) {
            add(row(
                    getTranslation("detail.email") + ": " + email,
                    BlacklistKind.EMAIL,
                    blacklist.fingerprint(BlacklistKind.EMAIL, email),
                    BlacklistKind.EMAIL.mask(email),
                    "email-0"));
        }
        int i = 0;
        for (BankAccountView a : paymentData.bankAccounts(debtor.id())) {
            add(row(
                    getTranslation(
                            "paymentData.bankAccount", a.ibanMasked(), a.holder(), a.bic() == null ? "–" : a.bic()),
                    BlacklistKind.IBAN,
                    a.ibanFingerprint(),
                    a.ibanMasked(),
                    "iban-" + i++));
        }
        i = 0;
        for (CardView c : paymentData.cards(debtor.id())) {
            String expiry = String.format("%02d", c.expiryMonth());
            add(row(
                    getTranslation(
                            "paymentData.card", c.brand(), c.maskedNumber(), expiry, String.valueOf(c.expiryYear())),
                    BlacklistKind.CARD_TOKEN,
                    c.tokenFingerprint(),
                    c.brand() + " " + c.last4(),
                    "card-" + i++));
        }
        if (getComponentCount() == 1) {
            add(new Span(getTranslation("paymentData.none")));
        }
    }

    private HorizontalLayout row(String text, BlacklistKind kind, String fingerprint, String masked, String id) {
        HorizontalLayout row = new HorizontalLayout();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.add(new Span(text));
        if (!riskBooked) {
            return row;
        }
        Optional<BlacklistEntryView> entry = blacklist.entryFor(kind, fingerprint);
        Span state = new Span(entry.map(e -> e.expiresOn() == null
                        ? getTranslation("blacklist.on")
                        : getTranslation(
                                "blacklist.onUntil",
                                e.expiresOn()
                                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                                .withLocale(getLocale()))))
                .orElse(getTranslation("blacklist.off")));
        state.setId("bl-state-" + id);
        state.getElement().getThemeList().add(entry.isPresent() ? "badge error" : "badge contrast");
        row.add(state);
        if (mayManage) {
            Button button = entry.isPresent()
                    ? new Button(getTranslation("blacklist.remove"), e -> remove(entry.get()))
                    : new Button(getTranslation("blacklist.add"), e -> add(kind, fingerprint, masked));
            button.setId((entry.isPresent() ? "bl-remove-" : "bl-add-") + id);
            button.addThemeVariants(
                    ButtonVariant.LUMO_SMALL,
                    entry.isPresent() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_ERROR);
            row.add(button);
        }
        return row;
    }

    private void add(BlacklistKind kind, String fingerprint, String masked) {
        Dialog dialog = new Dialog(getTranslation("blacklist.addTitle", masked));
        DatePicker expiry = new DatePicker(getTranslation("blacklist.expiry"));
        expiry.setId("bl-expiry");
        expiry.setHelperText(getTranslation("blacklist.expiryHelp"));
        expiry.setLocale(getLocale());
        Button confirm = new Button(getTranslation("blacklist.add"), e -> {
            try {
                blacklist.addFingerprint(kind, fingerprint, masked, expiry.getValue());
                dialog.close();
                changed.run();
            } catch (OperationRefused refused) {
                expiry.setErrorMessage(getTranslation(refused.messageKey()));
                expiry.setInvalid(true);
            }
        });
        confirm.setId("bl-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(new Paragraph(getTranslation("blacklist.addText")), expiry);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void remove(BlacklistEntryView entry) {
        blacklist.remove(entry.id());
        changed.run();
    }
}
