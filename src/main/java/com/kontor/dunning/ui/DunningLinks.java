package com.kontor.dunning.ui;

import com.kontor.document.ui.DocumentLinks;
import com.kontor.mail.ui.EmailCopyDialog;
import com.kontor.tenancy.Mode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;

/**
 * The letter of a dunning step as a download and its email as the kept copy (DUN-7); both check the reader again
 * on the server when followed (DOC-3, the mail module's queries).
 */
final class DunningLinks {

    private final DocumentLinks documents;
    private final EmailCopyDialog emails;
    private final Mode mode;

    DunningLinks(DocumentLinks documents, EmailCopyDialog emails, Mode mode) {
        this.documents = documents;
        this.emails = emails;
        this.mode = mode;
    }

    Component email(Long emailId, String text) {
        if (emailId == null) {
            return new Span();
        }
        Button open = new Button(text, e -> emails.open(emailId));
        open.setId("dunning-email-" + emailId);
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return open;
    }

    Component letter(String documentNumber) {
        if (documentNumber == null) {
            return new Span();
        }
        return documents.download(documentNumber, mode, documentNumber);
    }
}
