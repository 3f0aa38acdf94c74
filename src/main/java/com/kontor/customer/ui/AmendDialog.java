package com.kontor.customer.ui;

import com.kontor.tenancy.OperationRefused;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import java.util.Map;

/**
 * A small dialog over the edit dialog that amends one stored value: its fields by the names the service refuses them
 * with, and a save that shows a refusal next to its field.
 */
class AmendDialog extends Dialog {

    AmendDialog(String title, Map<String, Component> fields, Runnable save, Runnable saved) {
        setHeaderTitle(title);
        FormLayout form = new FormLayout();
        fields.forEach((name, field) -> {
            field.setId("amend-" + name);
            form.add(field);
        });
        Button ok = new Button(getTranslation("edit.save"), e -> {
            fields.values().forEach(f -> ((HasValidation) f).setInvalid(false));
            try {
                save.run();
                close();
                saved.run();
            } catch (OperationRefused refused) {
                HasValidation target = (HasValidation) fields.getOrDefault(
                        refused.field(), fields.values().iterator().next());
                target.setErrorMessage(getTranslation(refused.messageKey()));
                target.setInvalid(true);
            }
        });
        ok.setId("amend-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), ok);
    }
}
