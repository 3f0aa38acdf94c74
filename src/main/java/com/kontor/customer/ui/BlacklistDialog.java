package com.kontor.customer.ui;

import com.kontor.blacklist.Blacklist;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.tenancy.OperationRefused;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** BL-1: puts one of the debtor's values on the blacklist, with an optional expiry; a refusal shows at the date. */
class BlacklistDialog extends Dialog {

    BlacklistDialog(Blacklist blacklist, BlacklistKind kind, String fingerprint, String masked, Runnable added) {
        setHeaderTitle(getTranslation("blacklist.addTitle", masked));
        DatePicker expiry = new DatePicker(getTranslation("blacklist.expiry"));
        expiry.setId("bl-expiry");
        expiry.setHelperText(getTranslation("blacklist.expiryHelp"));
        expiry.setLocale(getLocale());
        Button confirm = new Button(getTranslation("blacklist.add"), e -> {
            try {
                blacklist.addFingerprint(kind, fingerprint, masked, expiry.getValue());
                close();
                added.run();
            } catch (OperationRefused refused) {
                expiry.setErrorMessage(getTranslation(refused.messageKey()));
                expiry.setInvalid(true);
            }
        });
        confirm.setId("bl-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        add(new Paragraph(getTranslation("blacklist.addText")), expiry);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
    }
}
