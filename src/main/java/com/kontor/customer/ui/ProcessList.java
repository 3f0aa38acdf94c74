package com.kontor.customer.ui;

import com.kontor.customer.CustomerAccountQueries;
import com.kontor.debtor.DebtorDetails;
import com.kontor.ledger.ProcessDetails;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.RouteConfiguration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The debtor's processes, newest first, in a grid that loads the rows it shows (a debtor has hundreds); each TXID
 * links to the detail view with that process selected (SRCH-4).
 */
class ProcessList extends VerticalLayout {

    ProcessList(
            String mode, DebtorDetails debtor, int count, Long selected, CustomerAccountQueries queries, ZoneId zone) {
        setPadding(false);
        setSpacing(false);
        setId("process-list");
        add(new H3(getTranslation("detail.processesCount", count)));
        if (count == 0) {
            add(new Span(getTranslation("detail.noProcess")));
            return;
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        RouteConfiguration routes = RouteConfiguration.forSessionScope();
        Grid<ProcessDetails> grid = new Grid<>();
        grid.setId("process-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("kontor-dense");
        // the left column is narrow: each process on two lines, its TXID (the link) and amount first, then what
        // tells processes apart (status, method, date) quieter below; nothing to scroll sideways
        grid.addColumn(LitRenderer.<ProcessDetails>of("<div style=\"white-space: normal\">"
                                + "<a id=\"process-${item.txid}\" href=\"${item.href}\""
                                + " style=\"${item.selected ? 'font-weight: bold' : ''}\">${item.txid}</a>"
                                + "<div class=\"kontor-muted\" style=\"font-size: var(--lumo-font-size-xs)\">"
                                + "${item.status} · ${item.method} · ${item.date}</div></div>")
                        .withProperty("txid", ProcessDetails::txid)
                        .withProperty(
                                "href",
                                p -> routes.getUrl(
                                        DebtorDetailView.class,
                                        DebtorDetailView.parameters(mode, debtor.debtorNumber(), p.txid())))
                        .withProperty("selected", p -> selected != null && selected == p.txid())
                        .withProperty("status", p -> getTranslation("status." + p.status()))
                        .withProperty("method", p -> getTranslation("method." + p.paymentMethod()))
                        .withProperty("date", p -> date.format(p.createdAt())))
                .setHeader(getTranslation("detail.process"))
                .setFlexGrow(1);
        grid.addColumn(p -> p.amount().format(getLocale()))
                .setHeader(getTranslation("detail.amount"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(
                query -> queries.processes(debtor.id(), query.getOffset(), query.getLimit()).stream(), query -> count);
        if (count <= 8) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("24em");
        }
        add(grid);
    }
}
