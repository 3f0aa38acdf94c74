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
        grid.addClassName("kontor-dense-grid"); // five columns in the narrow column
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LitRenderer.<ProcessDetails>of("<a id=\"process-${item.txid}\" href=\"${item.href}\""
                                + " style=\"${item.selected ? 'font-weight: bold' : ''}\">${item.txid}</a>")
                        .withProperty("txid", ProcessDetails::txid)
                        .withProperty(
                                "href",
                                p -> routes.getUrl(
                                        DebtorDetailView.class,
                                        DebtorDetailView.parameters(mode, debtor.debtorNumber(), p.txid())))
                        .withProperty("selected", p -> selected != null && selected == p.txid()))
                .setHeader("TXID")
                .setAutoWidth(true)
                .setFlexGrow(0);
        // the left column is narrow: what tells processes apart first (date, status, amount), the method last
        grid.addColumn(p -> date.format(p.createdAt()))
                .setHeader(getTranslation("account.date"))
                .setAutoWidth(true);
        grid.addColumn(p -> getTranslation("status." + p.status()))
                .setHeader(getTranslation("detail.status"))
                .setAutoWidth(true);
        grid.addColumn(p -> p.amount().format(getLocale()))
                .setHeader(getTranslation("detail.amount"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(p -> getTranslation("method." + p.paymentMethod()))
                .setHeader(getTranslation("detail.method"))
                .setAutoWidth(true);
        grid.setItems(
                query -> queries.processes(debtor.id(), query.getOffset(), query.getLimit()).stream(), query -> count);
        if (count <= 3) {
            grid.setAllRowsVisible(true);
        } else {
            // the rest of the left column's height: as many rows as fit, the others by scrolling the list
            addClassName("kontor-process-list");
            setHeight(null);
        }
        add(grid);
    }
}
