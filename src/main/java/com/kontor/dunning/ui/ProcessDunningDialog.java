package com.kontor.dunning.ui;

import com.kontor.dunning.DunningBlocks;
import com.kontor.dunning.DunningEntry;
import com.kontor.dunning.DunningRefused;
import com.kontor.dunning.DunningService;
import com.kontor.dunning.ProcessDunning;
import com.kontor.tenancy.OperationRefused;
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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The dunning of one process (DUN-5, DUN-6): its steps so far with fees, interest and letters; setting a level by hand
 * (skip or repeat, sent or only internal) and amending the date of the next notice; and its blocks. The dialog reads
 * the process again after every change, and the page reloads when it closes after one.
 */
class ProcessDunningDialog extends Dialog {

    private final long txid;
    private final DunningService dunning;
    private final DunningBlocks blocks;
    private final DunningLinks links;
    private final boolean mayChange;
    private final ZoneId zone;
    private final DunningLabels labels;
    private final VerticalLayout content = new VerticalLayout();
    private boolean changed;
    private int selectedTab;

    ProcessDunningDialog(
            long txid,
            DunningService dunning,
            DunningBlocks blocks,
            DunningLinks links,
            boolean mayChange,
            ZoneId zone,
            Runnable afterChange) {
        this.txid = txid;
        this.dunning = dunning;
        this.blocks = blocks;
        this.links = links;
        this.mayChange = mayChange;
        this.zone = zone;
        this.labels = new DunningLabels(this, getLocale());
        setId("process-dunning-dialog");
        setHeaderTitle(getTranslation("dunningDialog.title", Long.toString(txid)));
        setWidth("min(64em, 95vw)");
        content.setPadding(false);
        add(content);
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId("process-dunning-close");
        getFooter().add(close);
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && changed) {
                afterChange.run();
            }
        });
        refresh();
    }

    private void refresh() {
        ProcessDunning state = dunning.ofProcess(txid);
        content.removeAll();
        content.add(summary(state));
        TabSheet tabs = new TabSheet();
        tabs.setId("process-dunning-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("dunningDialog.tab.steps"), steps(state.entries()));
        if (mayChange) {
            tabs.add(getTranslation("dunningDialog.tab.level"), levelForm(state));
        }
        tabs.add(
                getTranslation("dunningDialog.tab.blocks"),
                new BlocksPanel(
                        blocks,
                        () -> blocks.ofProcess(txid),
                        (reason, endsOn) -> blocks.blockProcess(txid, reason, endsOn),
                        mayChange,
                        zone,
                        this::changedAndRefresh));
        tabs.setSelectedIndex(Math.min(selectedTab, tabs.getTabCount() - 1));
        tabs.addSelectedChangeListener(e -> selectedTab = tabs.getSelectedIndex());
        content.add(tabs);
    }

    private void changedAndRefresh() {
        changed = true;
        refresh();
    }

    /** The current level, the next notice and whether a block stops dunning now. */
    private Component summary(ProcessDunning state) {
        Span level = new Span(getTranslation("dunningDialog.level", getTranslation("dunning." + state.status())));
        level.setId("process-dunning-level");
        Span next = new Span(getTranslation(
                "dunningDialog.nextNotice",
                state.nextNoticeOn() == null
                        ? getTranslation("dunningDialog.noNextNotice")
                        : labels.date(state.nextNoticeOn())));
        next.setId("process-dunning-next");
        Span blocked = new Span(getTranslation(state.blocked() ? "dunningDialog.blocked" : "dunningDialog.notBlocked"));
        blocked.setId("process-dunning-blocked");
        if (state.blocked()) {
            blocked.getElement().getThemeList().add("badge error");
        }
        HorizontalLayout summary = new HorizontalLayout(level, next, blocked);
        summary.setWrap(true);
        return summary;
    }

    /** DUN-6: the steps so far, newest first, with their amounts and the letter. */
    private Component steps(List<DunningEntry> entries) {
        Grid<DunningEntry> grid = new Grid<>();
        grid.setId("dunning-steps-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("kontor-dense");
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> labels.level(e.level()))
                .setHeader(getTranslation("dunningDialog.col.level"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation("dunningEntry." + e.status()))
                .setHeader(getTranslation("dunningDialog.col.status"))
                .setAutoWidth(true);
        grid.addColumn(e -> labels.date((e.executedAt() == null ? e.createdAt() : e.executedAt())
                        .atZone(zone)
                        .toLocalDate()))
                .setHeader(getTranslation("dunningDialog.col.date"))
                .setAutoWidth(true);
        money(grid, "dunningDialog.col.fee", DunningEntry::fee);
        money(grid, "dunningDialog.col.interest", DunningEntry::interest);
        money(grid, "dunningDialog.col.receivable", DunningEntry::receivable);
        money(grid, "dunningDialog.col.balance", DunningEntry::balance);
        grid.addComponentColumn(e -> links.letter(e.documentNumber()))
                .setHeader(getTranslation("dunningDialog.col.letter"))
                .setAutoWidth(true);
        grid.addComponentColumn(e -> links.email(e.emailId(), getTranslation("dunningDialog.openEmail")))
                .setHeader(getTranslation("dunningDialog.col.email"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("dunningDialog.noSteps"));
        grid.setItems(entries);
        return grid;
    }

    private void money(
            Grid<DunningEntry> grid,
            String headerKey,
            java.util.function.Function<DunningEntry, com.kontor.money.Money> value) {
        grid.addColumn(e -> labels.money(value.apply(e)))
                .setHeader(getTranslation(headerKey))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
    }

    /** DUN-5: a level by hand (skip or repeat), sent or only internal; and the date of the next notice. */
    private Component levelForm(ProcessDunning state) {
        Select<Integer> level = new Select<>();
        level.setId("dunning-set-level");
        level.setLabel(getTranslation("dunningDialog.newLevel"));
        level.setItems(
                IntStream.concat(IntStream.rangeClosed(1, state.maxLevel()), IntStream.of(DunningEntry.DEBT_COLLECTION))
                        .boxed()
                        .toList());
        level.setItemLabelGenerator(labels::level);
        level.setWidth("14em");
        Checkbox send = new Checkbox(getTranslation("dunningDialog.send"));
        send.setId("dunning-set-send");
        Button apply = new Button(getTranslation("dunningDialog.setLevel"));
        apply.setId("dunning-set-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> {
            level.setInvalid(false);
            if (level.getValue() == null) {
                level.setErrorMessage(getTranslation("dunningDialog.chooseLevel"));
                level.setInvalid(true);
                return;
            }
            try {
                DunningEntry entry = dunning.setLevel(txid, level.getValue(), send.getValue(), state.version());
                success(getTranslation(
                        "dunningDialog.levelSet",
                        labels.level(entry.level()),
                        getTranslation("dunningEntry." + entry.status())));
                changedAndRefresh();
            } catch (DunningRefused refused) {
                refusedAt(refused, level);
            } catch (OperationRefused refused) {
                show(refused, level, null);
            } catch (OptimisticLockingFailureException stale) {
                error(getTranslation("dunningDialog.stale"));
                refresh();
            }
        });
        HorizontalLayout levelRow = new HorizontalLayout(level, send, apply);
        levelRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        levelRow.setWrap(true);

        DatePicker next = new DatePicker(getTranslation("dunningDialog.nextNoticeOn"));
        next.setId("dunning-next-notice");
        next.setLocale(getLocale());
        next.setValue(state.nextNoticeOn());
        next.setWidth("11em");
        Button amend = new Button(getTranslation("dunningDialog.amend"));
        amend.setId("dunning-next-apply");
        amend.addClickListener(e -> {
            next.setInvalid(false);
            if (next.getValue() == null) {
                next.setErrorMessage(getTranslation("dunningDialog.chooseDate"));
                next.setInvalid(true);
                return;
            }
            try {
                dunning.amendNextNotice(txid, next.getValue());
                success(getTranslation("dunningDialog.nextAmended", labels.date(next.getValue())));
                changedAndRefresh();
            } catch (DunningRefused refused) {
                refusedAt(refused, next);
            } catch (OperationRefused refused) {
                show(refused, null, next);
            } catch (OptimisticLockingFailureException stale) {
                error(getTranslation("dunningDialog.stale"));
                refresh();
            }
        });
        HorizontalLayout nextRow = new HorizontalLayout(next, amend);
        nextRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        VerticalLayout form = new VerticalLayout(new H4(getTranslation("dunningDialog.levelHeading")));
        if (state.maxLevel() == 0) {
            // without a procedure there are no levels to set (the service refuses too): say why, not just fail
            Paragraph none = new Paragraph(getTranslation("dunningDialog.noProcedure"));
            none.setId("dunning-no-procedure");
            form.add(none);
            levelRow.setEnabled(false);
        }
        form.add(levelRow, new H4(getTranslation("dunningDialog.nextHeading")), nextRow);
        form.setPadding(false);
        return form;
    }

    /**
     * A refusal of the dunning service at the field of the action; a stale version (another change came first) shows
     * the process's dunning as it is now.
     */
    private void refusedAt(DunningRefused refused, com.vaadin.flow.component.HasValidation field) {
        if ("dunning.refused.stale".equals(refused.key())) {
            error(getTranslation("dunningDialog.stale"));
            refresh();
            return;
        }
        field.setErrorMessage(getTranslation(refused.key()));
        field.setInvalid(true);
    }

    /** A refusal at the field it names (the level or the date), else at the field of the action, else a message. */
    private void show(OperationRefused refused, Select<Integer> level, DatePicker date) {
        String message = getTranslation(refused.messageKey(), refused.arguments());
        String field = refused.field() == null ? "" : refused.field();
        if (level != null && (field.isEmpty() || field.equals("level") || field.equals("send"))) {
            level.setErrorMessage(message);
            level.setInvalid(true);
        } else if (date != null
                && (field.isEmpty() || field.toLowerCase().contains("date") || field.startsWith("next"))) {
            date.setErrorMessage(message);
            date.setInvalid(true);
        } else {
            error(message);
        }
    }

    private static void success(String message) {
        Notification n = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
