package com.kontor.operation.ui;

import com.kontor.audit.Actor;
import com.kontor.ledger.ProcessLimits;
import com.kontor.money.Money;
import com.kontor.operation.CreditItem;
import com.kontor.operation.CreditService;
import com.kontor.operation.CreditType;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * OPS-3 (seed 001 "Creating a credit entry"): items are added one by one (description, quantity, VAT %, gross
 * price), the total is computed as you type, a type is chosen, with or without flow of funds; then the whole is
 * confirmed. The maximum is the receivable without funds and what is refundable with funds.
 */
class CreditDialog extends MoneyDialog {

    private final ProcessLimits limits;
    private final CreditService credits;
    private final Actor actor;
    private final List<CreditItem> items = new ArrayList<>();
    private final Grid<CreditItem> grid = new Grid<>();
    private final TextField description = new TextField();
    private final IntegerField quantity = new IntegerField();
    private final BigDecimalField vat = new BigDecimalField();
    private final BigDecimalField price;
    private final ComboBox<CreditType> type = new ComboBox<>();
    private final Checkbox withFunds = new Checkbox();
    private final Paragraph total = new Paragraph();
    private final Paragraph maximum = new Paragraph();

    CreditDialog(
            ProcessLimits limits,
            boolean payout,
            CreditService credits,
            BigDecimal defaultVat,
            Actor actor,
            Runnable afterwards) {
        super("credit.title", "credit-dialog", limits.currency(), afterwards);
        this.limits = limits;
        this.credits = credits;
        this.actor = actor;
        setWidth("52em");
        add(new Paragraph(getTranslation("credit.explain")));

        description.setLabel(getTranslation("credit.description.label"));
        description.setId("credit-description");
        description.setMaxLength(CreditItem.MAX_DESCRIPTION);
        description.setValueChangeMode(ValueChangeMode.EAGER);
        quantity.setLabel(getTranslation("credit.quantity.label"));
        quantity.setId("credit-quantity");
        quantity.setValue(1);
        quantity.setMin(1);
        quantity.setMax(CreditItem.MAX_QUANTITY);
        quantity.setStepButtonsVisible(true);
        quantity.setValueChangeMode(ValueChangeMode.EAGER);
        quantity.setWidth("7em");
        vat.setLabel(getTranslation("credit.vat.label"));
        vat.setId("credit-vat");
        vat.setValue(defaultVat);
        vat.setValueChangeMode(ValueChangeMode.EAGER);
        vat.setWidth("6em");
        price = amountField("credit.price.label", "credit-price", null);
        price.setWidth("9em");
        Button add = new Button(getTranslation("credit.addItem"), VaadinIcon.PLUS.create(), e -> addItem());
        add.setId("credit-add");
        description.setWidth("14em");
        HorizontalLayout line = new HorizontalLayout(description, quantity, vat, price, add);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWrap(true);
        field("description", description);
        field("quantity", quantity);
        field("vat", vat);
        field("price", price);

        grid.setId("credit-items");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(CreditItem::description)
                .setHeader(getTranslation("credit.description.label"))
                .setFlexGrow(1);
        grid.addColumn(CreditItem::quantity)
                .setHeader(getTranslation("credit.quantity.label"))
                .setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(i -> i.vatPercent().stripTrailingZeros().toPlainString() + " %")
                .setHeader(getTranslation("credit.vat.label"))
                .setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(i -> format(i.unitGross()))
                .setHeader(getTranslation("credit.price.label"))
                .setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(i -> format(i.gross()))
                .setHeader(getTranslation("credit.lineTotal"))
                .setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(i -> {
                    Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                        items.remove(i);
                        refresh();
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    remove.setAriaLabel(getTranslation("credit.removeItem"));
                    return remove;
                })
                .setAutoWidth(true);
        grid.setVisible(false);

        type.setLabel(getTranslation("credit.type.label"));
        type.setId("credit-type");
        type.setItems(Arrays.asList(CreditType.values()));
        type.setItemLabelGenerator(t -> getTranslation("credit.type." + t.name()));
        type.setValue(CreditType.CREDIT_ENTRY);
        type.setWidth("18em");
        withFunds.setLabel(getTranslation("credit.withFunds"));
        withFunds.setId("credit-with-funds");
        withFunds.setEnabled(payout && limits.refundable() > 0);
        withFunds.addValueChangeListener(e -> refresh());
        HorizontalLayout options = new HorizontalLayout(type, withFunds);
        options.setAlignItems(FlexComponent.Alignment.BASELINE);
        options.setWrap(true);
        total.setId("credit-total");
        total.getStyle().set("font-weight", "600").set("margin", "0");
        maximum.setId("credit-maximum");
        maximum.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
        add(line, grid, options, total, maximum);
        field("total", price);
        field("items", description);
        description.addValueChangeListener(e -> refresh());
        quantity.addValueChangeListener(e -> refresh());
        price.addValueChangeListener(e -> refresh());
        refresh();
    }

    private Money max() {
        return new Money(withFunds.getValue() ? limits.refundable() : limits.receivable(), currency);
    }

    /** The item being typed, when it is complete enough to count. */
    private Optional<CreditItem> typed() {
        if (description.getValue().isBlank()
                || quantity.getValue() == null
                || price.getValue() == null
                || vat.getValue() == null) {
            return Optional.empty();
        }
        try {
            Money unit = Money.ofMajor(price.getValue(), currency);
            return Optional.of(
                    new CreditItem(description.getValue().strip(), quantity.getValue(), vat.getValue(), unit.minor()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private long sum(boolean withTyped) {
        long sum = 0;
        for (CreditItem i : items) {
            sum = Math.addExact(sum, i.gross());
        }
        if (withTyped) {
            sum = Math.addExact(sum, typed().map(CreditItem::gross).orElse(0L));
        }
        return sum;
    }

    /** The total as you type: the items added and the one being typed. */
    private void refresh() {
        grid.setItems(items);
        grid.setVisible(!items.isEmpty());
        long sum;
        try {
            sum = sum(true);
        } catch (ArithmeticException e) {
            sum = Long.MAX_VALUE;
        }
        total.setText(getTranslation("credit.total", sum == Long.MAX_VALUE ? "—" : format(sum)));
        Money max = max();
        maximum.setText(getTranslation("money.maximum", max.format(getLocale())));
        boolean above = sum > max.minor();
        total.getStyle().set("color", above ? "var(--lumo-error-text-color)" : null);
    }

    private void addItem() {
        if (!validItemFields()) {
            return;
        }
        items.add(typed().orElseThrow());
        description.clear();
        quantity.setValue(1);
        price.clear();
        refresh();
        description.focus();
    }

    private boolean validItemFields() {
        boolean ok = true;
        if (description.getValue().isBlank()) {
            description.setErrorMessage(getTranslation("credit.description", CreditItem.MAX_DESCRIPTION));
            description.setInvalid(true);
            ok = false;
        } else {
            description.setInvalid(false);
        }
        Integer q = quantity.getValue();
        if (q == null || q < 1 || q > CreditItem.MAX_QUANTITY) {
            quantity.setErrorMessage(getTranslation("credit.quantity", CreditItem.MAX_QUANTITY));
            quantity.setInvalid(true);
            ok = false;
        } else {
            quantity.setInvalid(false);
        }
        BigDecimal v = vat.getValue();
        if (v == null
                || v.signum() < 0
                || v.compareTo(CreditItem.MAX_VAT) > 0
                || v.stripTrailingZeros().scale() > 2) {
            vat.setErrorMessage(getTranslation("credit.vat"));
            vat.setInvalid(true);
            ok = false;
        } else {
            vat.setInvalid(false);
        }
        return amount(price, null, false).isPresent() && ok;
    }

    @Override
    protected boolean valid() {
        // an item typed but not yet added counts: a user who fills one line and confirms means that line
        if (!description.getValue().isBlank() || price.getValue() != null) {
            if (!validItemFields()) {
                return false;
            }
            items.add(typed().orElseThrow());
            description.clear();
            price.clear();
            refresh();
        }
        if (items.isEmpty()) {
            show("items", getTranslation("credit.noItems"));
            return false;
        }
        long sum = sum(false);
        if (sum > max().minor()) {
            show("total", getTranslation("credit.aboveMaximum", max().format(getLocale())));
            price.setErrorMessage(getTranslation("credit.aboveMaximum", max().format(getLocale())));
            price.setInvalid(true);
            return false;
        }
        return true;
    }

    @Override
    protected void run() {
        report(
                credits.credit(
                        limits.txid(),
                        type.getValue(),
                        withFunds.getValue(),
                        List.copyOf(items),
                        limits.version(),
                        actor),
                "credit.done");
    }
}
