package com.kontor.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before a stored bank account or card is deleted. */
class ConfirmDeleteDialog extends Dialog {

    ConfirmDeleteDialog(String what, Runnable delete) {
        setHeaderTitle(getTranslation("edit.deleteTitle", what));
        Button yes = new Button(getTranslation("edit.delete"), e -> {
            delete.run();
            close();
        });
        yes.setId("edit-confirm-delete");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        add(new Paragraph(getTranslation("edit.deleteText")));
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), yes);
    }
}
