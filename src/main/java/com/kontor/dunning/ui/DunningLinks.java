package com.kontor.dunning.ui;

import com.kontor.document.ui.DocumentLinks;
import com.kontor.tenancy.Mode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** The letter of a dunning step as a download (DOC-3 checks the reader again when it is followed). */
final class DunningLinks {

    private final DocumentLinks documents;
    private final Mode mode;

    DunningLinks(DocumentLinks documents, Mode mode) {
        this.documents = documents;
        this.mode = mode;
    }

    Component letter(String documentNumber) {
        if (documentNumber == null) {
            return new Span();
        }
        return documents.download(documentNumber, mode, documentNumber);
    }
}
