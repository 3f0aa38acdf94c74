package com.kontor.customer.ui;

import com.kontor.ledger.ProcessDetails;
import com.kontor.money.Money;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/**
 * The right column (TX-6): the selected process with its status, error reason, amounts and its event account
 * (TX-4); the provider log opens from it (TX-8). {@code actions} are the buttons that fit this process and user.
 */
class ProcessPanel extends VerticalLayout {

    private final ZoneId zone;

    ProcessPanel(
            ProcessDetails p,
            ZoneId zone,
            Runnable openProviderLog,
            Optional<? extends Component> documents,
            Component approvals,
            Component... actions) {
        this.zone = zone;
        setPadding(false);
        H3 heading = new H3("TXID " + p.txid());
        heading.setId("process-txid");
        add(heading);
        if (actions.length > 0) {
            HorizontalLayout buttons = new HorizontalLayout(actions);
            buttons.setWrap(true);
            add(buttons);
        }
        Span status = new Span(getTranslation("status." + p.status()));
        status.setId("process-status");
        status.getElement()
                .getThemeList()
                .add("badge"
                        + switch (p.status()) {
                            case OK -> " success";
                            case ERROR, EMPTY -> " error";
                            default -> "";
                        });
        add(new HorizontalLayout(status, new Span(getTranslation("method." + p.paymentMethod())), dunning(p)));
        add(approvals);
        if (p.errorCode() != null) {
            Paragraph error = new Paragraph(
                    getTranslation("detail.error", p.errorCode(), p.errorMessage() == null ? "" : p.errorMessage()));
            error.setId("process-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            add(error);
        }
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        ProcessDetails.Amounts a = p.amounts();
        // the facts as one block without gaps between lines, so the event account is in view on a laptop
        Div facts = new Div(
                line("detail.reference", p.reference(), "process-reference"),
                line("detail.providerReference", p.providerReference(), "process-provider-reference"),
                line("detail.createdAt", dateTime.format(p.createdAt()), "process-created"),
                line("detail.amount", money(p.amount()), "process-amount"),
                line(
                        "detail.receivable",
                        money(a.receivable()) + " (" + money(a.preauthorized()) + ")",
                        "process-receivable"),
                line("detail.paid", money(a.paid()), "process-paid"),
                line("detail.refunded", money(a.refunded()), "process-refunded"),
                line("detail.balance", money(a.balance()), "process-balance"));
        facts.addClassName("kontor-facts");
        add(facts);
        Button log = new Button(getTranslation("detail.providerLog"), e -> openProviderLog.run());
        log.setId("provider-log");
        HorizontalLayout logAndDocuments = new HorizontalLayout(log);
        documents.ifPresent(logAndDocuments::add); // DOC-3: the process's documents next to its provider log
        add(new H3(getTranslation("detail.account")), account(p), logAndDocuments);
    }

    /** The event account (TX-4): every booking with debit and credit, then the totals and the balance. */
    private Component account(ProcessDetails p) {
        Grid<ProcessDetails.BookingLine> grid = new Grid<>();
        grid.setId("account-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("kontor-dense");
        grid.setAllRowsVisible(true);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(zone);
        grid.addColumn(b -> dateTime.format(b.bookedAt()))
                .setHeader(getTranslation("account.date"))
                .setAutoWidth(true);
        grid.addColumn(b -> p.txid()).setHeader("TXID").setAutoWidth(true);
        grid.addColumn(b -> getTranslation("booking." + b.type()))
                .setHeader(getTranslation("account.process"))
                .setAutoWidth(true);
        grid.addColumn(b -> getTranslation("receivable." + b.receivableType()))
                .setHeader(getTranslation("account.receivableType"))
                .setAutoWidth(true);
        // the process's summary is the sum of its bookings (TX-9): its totals need no summing here
        ProcessDetails.Amounts a = p.amounts();
        grid.addColumn(b -> money(b.debit()))
                .setHeader(getTranslation("account.debit"))
                .setFooter(money(a.receivable()))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(b -> money(b.credit()))
                .setHeader(getTranslation("account.credit"))
                .setFooter(money(a.paid()))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(b -> b.providerTxn() == null ? "" : b.providerTxn())
                .setHeader(getTranslation("account.providerTxn"))
                .setAutoWidth(true);
        grid.setItems(p.bookings());
        long balance = a.balance().minor();
        Paragraph total = new Paragraph(getTranslation(
                "account.balance",
                money(a.balance()),
                getTranslation(balance == 0 ? "account.settled" : balance > 0 ? "account.open" : "account.overpaid")));
        total.setId("account-balance");
        Div account = new Div(grid, total);
        account.setWidthFull(); // the grid scrolls inside the column instead of widening the page
        return account;
    }

    private LabelledValue line(String labelKey, String value, String id) {
        return new LabelledValue(getTranslation(labelKey), value, id);
    }

    private String money(Money money) {
        return money.format(getLocale());
    }

    /** The dunning state with its label: a bare "None" beside the payment method said nothing. */
    private Span dunning(ProcessDetails p) {
        Span dunning = new Span(getTranslation("detail.dunning", getTranslation("dunning." + p.dunningStatus())));
        dunning.setId("process-dunning");
        return dunning;
    }
}
