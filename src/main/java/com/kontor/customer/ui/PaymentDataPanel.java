package com.kontor.customer.ui;

import com.kontor.blacklist.Blacklist;
import com.kontor.blacklist.BlacklistEntrySummary;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.customer.CustomerOverview;
import com.kontor.debtor.BankAccountSummary;
import com.kontor.debtor.CardSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
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
 * expiry, or to take it off (BL-1). Values are matched by their keyed fingerprints; none is ever shown in full. Below,
 * the SEPA mandates with their PDFs (DEB-6).
 */
class PaymentDataPanel extends VerticalLayout {

    private final CustomerOverview overview;
    private final Blacklist blacklist;
    private final boolean mayManage;
    private final Runnable changed;

    PaymentDataPanel(
            CustomerOverview overview,
            Blacklist blacklist,
            boolean mayBlacklist,
            Runnable changed,
            Optional<Component> mandates) {
        this.overview = overview;
        this.blacklist = blacklist;
        this.mayManage = overview.riskBooked() && mayBlacklist;
        this.changed = changed;
        setPadding(false);
        setSpacing(false);
        setId("payment-data");
        add(new H3(getTranslation("paymentData.title")));
        String email = overview.debtor().masterData().email();
        if (email != null) {
            add(row(
                    getTranslation("detail.email") + ": " + email,
                    BlacklistKind.EMAIL,
                    blacklist.fingerprint(BlacklistKind.EMAIL, email),
                    BlacklistKind.EMAIL.mask(email),
                    "email-0"));
        }
        int i = 0;
        for (BankAccountSummary a : overview.bankAccounts()) {
            add(row(
                    getTranslation(
                            "paymentData.bankAccount", a.ibanMasked(), a.holder(), a.bic() == null ? "–" : a.bic()),
                    BlacklistKind.IBAN,
                    a.ibanFingerprint(),
                    a.ibanMasked(),
                    "iban-" + i++));
        }
        i = 0;
        for (CardSummary c : overview.cards()) {
            add(row(
                    getTranslation(
                            "paymentData.card",
                            c.brand(),
                            c.maskedNumber(),
                            String.format("%02d", c.expiryMonth()),
                            String.valueOf(c.expiryYear())),
                    BlacklistKind.CARD_TOKEN,
                    c.tokenFingerprint(),
                    c.brand() + " " + c.last4(),
                    "card-" + i++));
        }
        if (getComponentCount() == 1) {
            add(new Span(getTranslation("paymentData.none")));
        }
        mandates.ifPresent(this::add); // DEB-6: the SEPA mandates with their PDFs
    }

    private HorizontalLayout row(String text, BlacklistKind kind, String fingerprint, String masked, String id) {
        HorizontalLayout row = new HorizontalLayout();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true); // in the narrow column the state and its button move under a long value
        row.setSpacing(false);
        row.getStyle().set("column-gap", "var(--lumo-space-s)");
        Span value = new Span(text);
        value.addClassName("kontor-one-line");
        value.getElement().setAttribute("title", text);
        row.add(value);
        if (!overview.riskBooked()) {
            return row;
        }
        Optional<BlacklistEntrySummary> entry = overview.blacklistEntry(fingerprint);
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
                    : new Button(
                            getTranslation("blacklist.add"),
                            e -> new BlacklistDialog(blacklist, kind, fingerprint, masked, changed).open());
            button.setId((entry.isPresent() ? "bl-remove-" : "bl-add-") + id);
            button.addThemeVariants(
                    ButtonVariant.LUMO_SMALL,
                    entry.isPresent() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_ERROR);
            row.add(button);
        }
        return row;
    }

    private void remove(BlacklistEntrySummary entry) {
        blacklist.remove(entry.id());
        changed.run();
    }
}
