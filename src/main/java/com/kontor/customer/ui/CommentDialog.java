package com.kontor.customer.ui;

import com.kontor.debtor.Comments;
import com.kontor.tenancy.OperationRefused;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;

/** AUD-4: a comment on the debtor or one of its processes; it shows in the audit log. */
class CommentDialog extends Dialog {

    CommentDialog(Comments comments, long debtorNumber, Long txid) {
        setHeaderTitle(getTranslation(txid == null ? "comment.onDebtor" : "comment.onProcess"));
        TextArea text = new TextArea(getTranslation("comment.text"));
        text.setId("comment-text");
        text.setMaxLength(Comments.MAX_LENGTH);
        text.setWidthFull();
        Button save = new Button(getTranslation("comment.save"), e -> {
            try {
                comments.add(debtorNumber, txid, text.getValue());
                close();
                Notification.show(getTranslation("comment.saved"), 3000, Notification.Position.BOTTOM_START);
            } catch (OperationRefused refused) {
                text.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
                text.setInvalid(true);
            }
        });
        save.setId("comment-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(text);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
        setWidth("36em");
    }
}
