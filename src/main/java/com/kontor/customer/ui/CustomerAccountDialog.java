package com.kontor.customer.ui;

import com.kontor.ledger.AccountTotals;
import com.kontor.ledger.CustomerAccount;
import com.kontor.money.Money;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** TX-5: all bookings of all the debtor's processes, with debit, credit and balance per currency. */
class CustomerAccountDialog extends ListDialog {

    CustomerAccountDialog(String debtorName, CustomerAccount account, ZoneId zone) {
        super("80%", "customer-account-close");
        setHeaderTitle(getTranslation("detail.customerAccountOf", debtorName));
        Grid<CustomerAccount.Line> grid = new Grid<>();
        grid.setId("customer-account-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(zone);
        grid.addColumn(l -> dateTime.format(l.booking().bookedAt()))
                .setHeader(getTranslation("account.date"))
                .setAutoWidth(true);
        grid.addColumn(CustomerAccount.Line::txid).setHeader("TXID").setAutoWidth(true);
        grid.addColumn(l -> getTranslation("booking." + l.booking().type()))
                .setHeader(getTranslation("account.process"))
                .setAutoWidth(true);
        grid.addColumn(l -> getTranslation("receivable." + l.booking().receivableType()))
                .setHeader(getTranslation("account.receivableType"))
                .setAutoWidth(true);
        grid.addColumn(l -> money(l.booking().debit()))
                .setHeader(getTranslation("account.debit"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(l -> money(l.booking().credit()))
                .setHeader(getTranslation("account.credit"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(l -> l.booking().providerTxn() == null ? "" : l.booking().providerTxn())
                .setHeader(getTranslation("account.providerTxn"))
                .setAutoWidth(true);
        grid.setItems(account.lines());
        VerticalLayout totals = new VerticalLayout();
        totals.setPadding(false);
        totals.setId("customer-account-totals");
        for (AccountTotals.Total total : account.totals()) {
            totals.add(new Span(getTranslation(
                    "account.totals", money(total.debit()), money(total.credit()), money(total.balance()))));
        }
        add(grid, totals);
    }

    private String money(Money money) {
        return money.format(getLocale());
    }
}
