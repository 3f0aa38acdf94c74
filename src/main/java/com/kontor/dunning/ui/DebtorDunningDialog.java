package com.kontor.dunning.ui;

import com.kontor.dunning.DunningBlocks;
import com.kontor.dunning.DunningEntry;
import com.kontor.dunning.DunningService;
import com.kontor.money.Money;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The debtor's dunning (DUN-6, DUN-4): its dunning steps filtered by transaction date and "active only", with TXID
 * (opens the process), letter, transaction date, level, next notice, receivable, fee and balance; and the debtor's
 * blocks with add and lift.
 */
class DebtorDunningDialog extends Dialog {

    private final long debtorId;
    private final DunningService dunning;
    private final DunningLabels labels;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Checkbox activeOnly = new Checkbox();
    private final Grid<DunningEntry> grid = new Grid<>();

    DebtorDunningDialog(
            long debtorId,
            String debtorName,
            DunningService dunning,
            DunningBlocks blocks,
            DunningLinks links,
            boolean mayChange,
            ZoneId zone,
            LongConsumer openProcess) {
        this.debtorId = debtorId;
        this.dunning = dunning;
        this.labels = new DunningLabels(this, getLocale());
        setId("debtor-dunning-dialog");
        setHeaderTitle(getTranslation("debtorDunning.title", debtorName));
        setWidth("min(70em, 95vw)");
        setMaxHeight("90vh");

        LocalDate today = blocks.today();
        from.setId("debtor-dunning-from");
        from.setLabel(getTranslation("search.from"));
        from.setLocale(getLocale());
        from.setValue(today.minusYears(1));
        from.setWidth("10em");
        to.setId("debtor-dunning-to");
        to.setLabel(getTranslation("search.to"));
        to.setLocale(getLocale());
        to.setValue(today);
        to.setWidth("10em");
        activeOnly.setId("debtor-dunning-active");
        activeOnly.setLabel(getTranslation("debtorDunning.activeOnly"));
        Button show = new Button(getTranslation("debtorDunning.show"), VaadinIcon.SEARCH.create(), e -> load());
        show.setId("debtor-dunning-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(from, to, activeOnly, show);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("debtor-dunning-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("kontor-dense");
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(e -> processLink(e.txid(), openProcess))
                .setHeader("TXID")
                .setAutoWidth(true);
        grid.addComponentColumn(e -> links.letter(e.documentNumber()))
                .setHeader(getTranslation("debtorDunning.col.document"))
                .setAutoWidth(true);
        grid.addColumn(e -> labels.date(e.transactionDate()))
                .setHeader(getTranslation("debtorDunning.col.transactionDate"))
                .setAutoWidth(true);
        grid.addColumn(e -> labels.level(e.level()) + " · " + getTranslation("dunningEntry." + e.status()))
                .setHeader(getTranslation("dunningDialog.col.level"))
                .setAutoWidth(true);
        grid.addColumn(e -> labels.date(e.nextNoticeOn()))
                .setHeader(getTranslation("debtorDunning.col.nextNotice"))
                .setAutoWidth(true);
        money("dunningDialog.col.receivable", DunningEntry::receivable);
        money("dunningDialog.col.fee", DunningEntry::fee);
        money("dunningDialog.col.balance", DunningEntry::balance);
        grid.setEmptyStateText(getTranslation("debtorDunning.none"));

        BlocksPanel debtorBlocks = new BlocksPanel(
                blocks,
                () -> blocks.ofDebtor(debtorId),
                (reason, endsOn) -> blocks.blockDebtor(debtorId, reason, endsOn),
                mayChange,
                zone,
                () -> {});
        H4 blocksHeading = new H4(getTranslation("debtorDunning.blocks"));
        blocksHeading.getStyle().set("margin-top", "var(--lumo-space-l)");
        add(filters, grid, blocksHeading, debtorBlocks);
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId("debtor-dunning-close");
        getFooter().add(close);
        load();
    }

    private void load() {
        to.setInvalid(false);
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setErrorMessage(getTranslation("debtorDunning.toBeforeFrom"));
            to.setInvalid(true);
            return;
        }
        grid.setItems(dunning.ofDebtor(debtorId, from.getValue(), to.getValue(), activeOnly.getValue()));
    }

    private Component processLink(long txid, LongConsumer openProcess) {
        Button link = new Button(Long.toString(txid), e -> {
            close();
            openProcess.accept(txid);
        });
        link.setId("debtor-dunning-txid-" + txid);
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return link;
    }

    private void money(String headerKey, Function<DunningEntry, Money> value) {
        grid.addColumn(e -> labels.money(value.apply(e)))
                .setHeader(getTranslation(headerKey))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
    }
}
