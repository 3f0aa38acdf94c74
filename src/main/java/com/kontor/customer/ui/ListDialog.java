package com.kontor.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;

/** A wide dialog that lists something (history, provider log, customer account) with a close button. */
abstract class ListDialog extends Dialog {

    ListDialog(String height, String closeId) {
        setWidth("70em");
        setHeight(height);
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId(closeId);
        getFooter().add(close);
    }
}
