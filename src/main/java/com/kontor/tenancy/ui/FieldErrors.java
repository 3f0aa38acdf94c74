package com.kontor.tenancy.ui;

import com.kontor.tenancy.OperationRefused;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shows a service's refusal next to the field it names, or as a notification when it names none. */
final class FieldErrors {

    private final Component owner;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    FieldErrors(Component owner) {
        this.owner = owner;
    }

    FieldErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    void show(OperationRefused refusal) {
        String message = owner.getTranslation(refusal.messageKey(), refusal.arguments());
        HasValidation field = refusal.field() == null ? null : fields.get(refusal.field());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static void success(Component owner, String messageKey, Object... args) {
        Notification n =
                Notification.show(owner.getTranslation(messageKey, args), 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
