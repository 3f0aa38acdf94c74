package com.kontor.document.ui;

import com.vaadin.flow.component.Component;

/**
 * The "Dispatch" column of the document lists (DOC-4): how an invoice or credit note went to its debtor. Implemented
 * by the module that sends documents (mail), so the document module needs no dependency on it; without such a bean
 * the column stays empty.
 */
public interface DispatchCell {

    /** The cell of document {@code number} of the current partition; an empty component when it has no dispatch. */
    Component cell(String number);
}
