package com.kontor.document.ui;

import com.kontor.document.IssuedDocument;
import com.kontor.tenancy.Mode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** The documents of a debtor or of a process (DOC-3): number, type, date, TXID, language and the PDF to download. */
class DocumentListDialog extends Dialog {

    DocumentListDialog(String title, List<IssuedDocument> documents, DocumentLinks links, Mode mode, ZoneId zone) {
        setHeaderTitle(title);
        setId("documents-dialog");
        setWidth("min(56em, 95vw)");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        Grid<IssuedDocument> grid = new Grid<>();
        grid.setId("documents-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("kontor-dense");
        grid.setAllRowsVisible(true);
        grid.addColumn(IssuedDocument::number)
                .setHeader(getTranslation("documents.col.number"))
                .setAutoWidth(true);
        grid.addColumn(d -> getTranslation("documents.type." + d.type()))
                .setHeader(getTranslation("documents.col.type"))
                .setAutoWidth(true);
        grid.addColumn(d -> date.format(d.issuedAt()))
                .setHeader(getTranslation("documents.col.date"))
                .setAutoWidth(true);
        grid.addColumn(IssuedDocument::txid).setHeader("TXID").setAutoWidth(true);
        grid.addColumn(d -> getTranslation("documents.language." + d.language()))
                .setHeader(getTranslation("documents.col.language"))
                .setAutoWidth(true);
        grid.addComponentColumn(d -> links.dispatch(d.number()))
                .setHeader(getTranslation("documents.col.dispatch"))
                .setAutoWidth(true);
        grid.addComponentColumn(d -> links.download(d.number(), mode, getTranslation("documents.download")))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("documents.none"));
        grid.setItems(documents);
        add(grid);
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId("documents-close");
        getFooter().add(close);
    }
}
