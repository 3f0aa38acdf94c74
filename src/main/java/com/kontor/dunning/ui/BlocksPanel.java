package com.kontor.dunning.ui;

import com.kontor.dunning.DunningBlock;
import com.kontor.dunning.DunningBlocks;
import com.kontor.tenancy.OperationRefused;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Supplier;

/**
 * DUN-4 on the debtor's page: the blocks that concern a debtor or a process (lifted ones as history) and, for FINANCE
 * and ADMIN, a form to add one (reason, optional last day) and a button to lift each; refusals show at the field.
 */
class BlocksPanel extends VerticalLayout {

    /** Adds a block of the panel's debtor or process. */
    interface Adder {
        DunningBlock add(String reason, LocalDate endsOn);
    }

    private final DunningBlocks blocks;
    private final Supplier<List<DunningBlock>> loader;
    private final Runnable changed;
    private final Grid<DunningBlock> grid = new Grid<>();
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private LocalDate today;

    BlocksPanel(
            DunningBlocks blocks,
            Supplier<List<DunningBlock>> loader,
            Adder adder,
            boolean mayChange,
            ZoneId zone,
            Runnable changed) {
        this.blocks = blocks;
        this.loader = loader;
        this.changed = changed;
        setPadding(false);
        date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(zone);
        grid.setId("dunning-blocks-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("kontor-dense");
        grid.setAllRowsVisible(true);
        grid.addColumn(b -> getTranslation(
                        b.ofDebtor() ? "dunningBlock.ofDebtor" : "dunningBlock.ofProcess", String.valueOf(b.txid())))
                .setHeader(getTranslation("dunningBlock.col.scope"))
                .setAutoWidth(true);
        grid.addColumn(DunningBlock::reason)
                .setHeader(getTranslation("dunningBlock.col.reason"))
                .setWidth("14em")
                .setFlexGrow(1)
                .setTooltipGenerator(DunningBlock::reason);
        grid.addColumn(b -> b.endsOn() == null ? getTranslation("dunningBlock.untilLifted") : date.format(b.endsOn()))
                .setHeader(getTranslation("dunningBlock.col.endsOn"))
                .setAutoWidth(true);
        grid.addColumn(b -> dateTime.format(b.createdAt()) + " · " + b.createdBy())
                .setHeader(getTranslation("dunningBlock.col.created"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::state)
                .setHeader(getTranslation("dunningBlock.col.state"))
                .setAutoWidth(true);
        if (mayChange) {
            grid.addComponentColumn(this::liftButton).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setEmptyStateText(getTranslation("dunningBlock.none"));
        add(grid);
        if (mayChange) {
            add(form(adder));
        }
        refresh();
    }

    void refresh() {
        today = blocks.today();
        grid.setItems(loader.get());
    }

    private HorizontalLayout form(Adder adder) {
        TextField reason = new TextField(getTranslation("dunningBlock.reason"));
        reason.setId("dunning-block-reason");
        reason.setMaxLength(DunningBlocks.MAX_REASON);
        reason.setWidth("22em");
        DatePicker endsOn = new DatePicker(getTranslation("dunningBlock.endsOn"));
        endsOn.setId("dunning-block-ends-on");
        endsOn.setLocale(getLocale());
        endsOn.setHelperText(getTranslation("dunningBlock.endsOnHelp"));
        endsOn.setWidth("11em");
        Button add = new Button(getTranslation("dunningBlock.add"), e -> {
            reason.setInvalid(false);
            endsOn.setInvalid(false);
            try {
                adder.add(reason.getValue(), endsOn.getValue());
                reason.clear();
                endsOn.clear();
                refresh();
                changed.run();
            } catch (OperationRefused refused) {
                String message = getTranslation(refused.messageKey(), refused.arguments());
                if ("endsOn".equals(refused.field())) {
                    endsOn.setErrorMessage(message);
                    endsOn.setInvalid(true);
                } else if ("reason".equals(refused.field())) {
                    reason.setErrorMessage(message);
                    reason.setInvalid(true);
                } else {
                    error(message);
                }
            }
        });
        add.setId("dunning-block-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(reason, endsOn, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private Span state(DunningBlock b) {
        Span state;
        if (b.liftedAt() != null) {
            state = new Span(getTranslation("dunningBlock.lifted", dateTime.format(b.liftedAt()), b.liftedBy()));
        } else if (b.activeOn(today)) {
            state = new Span(getTranslation("dunningBlock.active"));
            state.getElement().getThemeList().add("badge error");
        } else {
            state = new Span(getTranslation("dunningBlock.ended"));
        }
        state.setId("dunning-block-state-" + b.id());
        return state;
    }

    private Button liftButton(DunningBlock b) {
        Button lift = new Button(getTranslation("dunningBlock.lift"), e -> {
            try {
                blocks.lift(b.id());
            } catch (OperationRefused refused) {
                error(getTranslation(refused.messageKey(), refused.arguments()));
            }
            refresh();
            changed.run();
        });
        lift.setId("dunning-block-lift-" + b.id());
        lift.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        lift.setVisible(b.liftedAt() == null);
        return lift;
    }

    private static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
