package com.kontor.document.ui;

import com.kontor.debtor.MandateDetails;
import com.kontor.tenancy.Mode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The debtor's SEPA mandates in the payment data (DEB-6): reference, creditor identifier, date of signature and the
 * masked IBAN, each with its PDF through {@link MandateDownloads}, which checks again when the link is followed.
 */
class MandateList extends VerticalLayout {

    MandateList(List<MandateDetails> mandates, Mode mode, MandateDownloads downloads) {
        setPadding(false);
        setSpacing(false);
        setId("mandates");
        add(new H4(getTranslation("mandates.title")));
        if (mandates.isEmpty()) {
            Span none = new Span(getTranslation("mandates.none"));
            none.setId("mandates-none");
            add(none);
            return;
        }
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        int i = 0;
        for (MandateDetails m : mandates) {
            String reference = m.mandate().mandateReference();
            Span name = new Span(reference);
            name.getStyle().set("font-weight", "600");
            Anchor pdf = new Anchor(downloads.handler(m.mandate().id(), mode), AttachmentType.DOWNLOAD, "PDF");
            pdf.setId("mandate-pdf-" + i);
            pdf.getElement().setAttribute("aria-label", getTranslation("mandates.pdf", reference));
            var icon = VaadinIcon.DOWNLOAD_ALT.create();
            icon.setSize("var(--lumo-icon-size-s)");
            pdf.addComponentAsFirst(icon);
            HorizontalLayout head = new HorizontalLayout(name, pdf);
            head.setAlignItems(FlexComponent.Alignment.BASELINE);
            head.setSpacing(false);
            head.getStyle().set("column-gap", "var(--lumo-space-s)");
            // each part stays on one line; in the narrow column the parts wrap between each other
            Div details = new Div();
            details.setId("mandate-details-" + i);
            String[] parts = {
                getTranslation(
                        "mandates.creditorId",
                        m.mandate().creditorId() == null ? "–" : m.mandate().creditorId()),
                getTranslation("mandates.signedOn", date.format(m.mandate().signedOn())),
                getTranslation("mandates.iban", m.account().ibanMasked())
            };
            for (int p = 0; p < parts.length; p++) {
                Span part = new Span(p == 0 ? parts[p] : " · " + parts[p]);
                part.getStyle().set("white-space", "nowrap");
                details.add(part);
            }
            details.getStyle()
                    .set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            VerticalLayout row = new VerticalLayout(head, details);
            row.setPadding(false);
            row.setSpacing(false);
            row.setId("mandate-" + i++);
            add(row);
        }
    }
}
