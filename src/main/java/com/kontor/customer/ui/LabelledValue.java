package com.kontor.customer.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** "Label: value" on one line; an empty value shows a dash. The value carries the id tests and users refer to. */
class LabelledValue extends Div {

    LabelledValue(String label, String value, String id) {
        Span caption = new Span(label + ": ");
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span text = new Span(value == null || value.isBlank() ? "–" : value);
        text.setId(id);
        add(caption, text);
    }
}
