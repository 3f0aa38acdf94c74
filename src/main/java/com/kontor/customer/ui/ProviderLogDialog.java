package com.kontor.customer.ui;

import com.kontor.psp.ProviderExchange;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** TX-8: what passed between Kontor and the provider about a process (no sensitive value is ever kept). */
class ProviderLogDialog extends ListDialog {

    /** The directions the provider log records, each with its text in both languages. */
    static final List<String> DIRECTIONS = List.of("REQUEST", "ANSWER", "NOTIFICATION");

    ProviderLogDialog(long txid, List<ProviderExchange> exchanges, ZoneId zone) {
        super("60%", "provider-log-close");
        setHeaderTitle(getTranslation("detail.providerLogOf", Long.toString(txid)));
        Grid<ProviderExchange> grid = new Grid<>();
        grid.setId("provider-log-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        grid.addColumn(x -> dateTime.format(x.at()))
                .setHeader(getTranslation("account.date"))
                .setAutoWidth(true);
        grid.addColumn(x -> DIRECTIONS.contains(x.direction())
                        ? getTranslation("providerLog.direction." + x.direction())
                        : x.direction())
                .setHeader(getTranslation("providerLog.direction"))
                .setAutoWidth(true);
        grid.addColumn(ProviderExchange::operation)
                .setHeader(getTranslation("providerLog.operation"))
                .setAutoWidth(true);
        grid.addColumn(x -> x.outcome() == null ? "" : x.outcome())
                .setHeader(getTranslation("providerLog.outcome"))
                .setAutoWidth(true);
        grid.addColumn(x -> x.providerReference() == null ? "" : x.providerReference())
                .setHeader(getTranslation("providerLog.reference"))
                .setAutoWidth(true);
        grid.addColumn(x -> x.detail() == null ? "" : x.detail())
                .setHeader(getTranslation("providerLog.detail"))
                .setFlexGrow(1);
        grid.setEmptyStateText(getTranslation("providerLog.empty"));
        grid.setItems(exchanges);
        add(grid);
    }
}
