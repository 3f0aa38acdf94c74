package com.kontor.customer.ui;

import com.kontor.audit.ActorLabel;
import com.kontor.debtor.MasterDataChange;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** DEB-5: every change of master and payment data, newest first: who, when, old and new value. */
class HistoryDialog extends ListDialog {

    HistoryDialog(String debtorName, List<MasterDataChange> changes, ZoneId zone) {
        super("70%", "history-close");
        setHeaderTitle(getTranslation("detail.historyOf", debtorName));
        Grid<MasterDataChange> grid = new Grid<>();
        grid.setId("history-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        grid.addColumn(c -> dateTime.format(c.at()))
                .setHeader(getTranslation("account.date"))
                .setAutoWidth(true);
        grid.addColumn(c -> ActorLabel.key(c.actorType(), c.actorName())
                        .map(this::getTranslation)
                        .orElse(c.actorName()))
                .setHeader(getTranslation("history.who"))
                .setAutoWidth(true);
        grid.addColumn(c -> getTranslation("edit.field." + c.field()))
                .setHeader(getTranslation("history.field"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.oldValue() == null ? "–" : c.oldValue())
                .setHeader(getTranslation("history.old"))
                .setFlexGrow(1);
        grid.addColumn(c -> c.newValue() == null ? "–" : c.newValue())
                .setHeader(getTranslation("history.new"))
                .setFlexGrow(1);
        grid.setItems(changes);
        add(grid);
    }
}
