package com.kontor.search.ui;

import com.kontor.customer.ui.DebtorDetailView;
import com.kontor.ledger.DunningStatus;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.money.Money;
import com.kontor.search.Category;
import com.kontor.search.DebtorSearch;
import com.kontor.search.SearchRequest;
import com.kontor.search.SearchRow;
import com.kontor.search.SortColumn;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.PortalSummary;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The debtor and payment search (SRCH-1..4): up to three criteria, a portal where the merchant has several, a date
 * range, a lazy grid of at most 1,000 processes whose every column sorts both ways. The view keeps only the
 * prepared search; the grid fetches the page it shows.
 */
@Route(Mode.ROUTE_PREFIX + "debtors")
@Menu(title = "nav.debtors", order = 10, icon = "vaadin:users")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.AUDITOR, Role.Names.ADMIN})
public class DebtorSearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DebtorSearch search;
    private final Select<PortalSummary> portal = new Select<>();
    private final VerticalLayout criteria = new VerticalLayout();
    private final List<CriterionRow> rows = new ArrayList<>();
    private final Button addCriterion = new Button();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Paragraph message = new Paragraph();
    private final Grid<SearchRow> grid = new Grid<>();
    private final DateTimeFormatter dateTime;
    private String mode = "live";
    private DebtorSearch.Prepared prepared;

    public DebtorSearchView(DebtorSearch search, MerchantDirectory merchantDirectory) {
        this.search = search;
        MerchantSummary merchant = merchantDirectory.requireCurrent();
        dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(merchant.settings().timeZone());
        setSizeFull();

        portal.setId("search-portal");
        portal.setLabel(getTranslation("search.portal"));
        portal.setItems(merchant.portals());
        portal.setItemLabelGenerator(p -> p == null ? getTranslation("search.allPortals") : p.name());
        portal.setEmptySelectionAllowed(true);
        portal.setEmptySelectionCaption(getTranslation("search.allPortals"));
        portal.setVisible(merchant.portals().size() > 1);

        criteria.setPadding(false);
        criteria.setSpacing(false);
        criteria.setId("search-criteria");
        addCriterion.setText(getTranslation("search.addCriterion"));
        addCriterion.setIcon(VaadinIcon.PLUS.create());
        addCriterion.setId("add-criterion");
        addCriterion.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addCriterion.addClickListener(e -> addRow());
        addRow();

        from.setId("search-from");
        from.setLabel(getTranslation("search.from"));
        to.setId("search-to");
        to.setLabel(getTranslation("search.to"));
        from.setLocale(getLocale());
        to.setLocale(getLocale());
        Button run = new Button(getTranslation("search.run"), VaadinIcon.SEARCH.create(), e -> runSearch());
        run.setId("search-button");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickShortcut(Key.ENTER);
        HorizontalLayout range = new HorizontalLayout(portal, from, to, run);
        range.setAlignItems(FlexComponent.Alignment.BASELINE);
        range.setWrap(true);

        message.setId("search-message");
        message.addClassName("kontor-search-message");
        message.setText(getTranslation("search.hint")); // before the first search: what to enter
        configureGrid();
        add(new H2(getTranslation("nav.debtors")), criteria, addCriterion, range, message, grid);
        expand(grid);
    }

    /** A long header in two short lines, so its column is no wider than its values. */
    private static Component twoLines(String first, String second) {
        Div header = new Div(new Span(first), new Span(second));
        header.addClassName("kontor-two-line-header");
        return header;
    }

    private void configureGrid() {
        grid.setId("search-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addClassName("kontor-dense"); // ten columns on a laptop's width: less padding per cell
        grid.setMultiSort(false);
        Grid.Column<SearchRow> date = grid.addColumn(r -> dateTime.format(r.createdAt()))
                .setHeader(getTranslation("search.col.date"))
                .setSortProperty(SortColumn.DATE.name())
                .setAutoWidth(true);
        grid.addComponentColumn(r -> link(r.name(), r, "name-" + r.debtorId() + "-" + r.txid()))
                .setHeader(getTranslation("search.col.name"))
                .setSortProperty(SortColumn.NAME.name())
                // the name takes what the amounts leave; a long one ends in "…" with the whole in its tooltip
                .setWidth("9em")
                .setFlexGrow(1)
                .setTooltipGenerator(SearchRow::name);
        grid.addComponentColumn(
                        r -> r.txid() == null ? new Div() : link(r.txid().toString(), r, "txid-" + r.txid()))
                .setHeader("TXID")
                .setSortProperty(SortColumn.TXID.name())
                .setAutoWidth(true);
        grid.addColumn(r -> r.paymentMethod() == null ? "" : getTranslation("method." + r.paymentMethod()))
                .setHeader(getTranslation("search.col.method"))
                .setSortProperty(SortColumn.PAYMENT_METHOD.name())
                .setAutoWidth(true);
        grid.addColumn(r -> r.status() == null ? "" : getTranslation("status." + r.status()))
                .setHeader(getTranslation("search.col.status"))
                .setSortProperty(SortColumn.STATUS.name())
                .setAutoWidth(true);
        grid.addColumn(r -> r.dunningStatus() == null ? "" : getTranslation("dunning." + r.dunningStatus()))
                .setHeader(getTranslation("search.col.dunning"))
                .setSortProperty(SortColumn.DUNNING.name())
                .setAutoWidth(true);
        grid.addColumn(r -> r.receivable() == null ? "" : money(r.receivable()) + " (" + money(r.preauthorized()) + ")")
                .setHeader(
                        twoLines(getTranslation("search.col.receivable"), getTranslation("search.col.preauthorized")))
                .setSortProperty(SortColumn.RECEIVABLE.name())
                .setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(r -> r.paid() == null ? "" : money(r.paid()))
                .setHeader(getTranslation("search.col.paid"))
                .setSortProperty(SortColumn.PAID.name())
                .setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(r -> r.balance() == null ? "" : money(r.balance()))
                .setHeader(getTranslation("search.col.balance"))
                .setSortProperty(SortColumn.BALANCE.name())
                .setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addComponentColumn(
                        r -> link(getTranslation("search.details"), r, "details-" + r.debtorId() + "-" + r.txid()))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit();
            if (prepared == null) {
                return java.util.stream.Stream.empty();
            }
            SortColumn column = SortColumn.DATE;
            boolean descending = true;
            if (!query.getSortOrders().isEmpty()) {
                column = SortColumn.valueOf(query.getSortOrders().getFirst().getSorted());
                descending = query.getSortOrders().getFirst().getDirection() == SortDirection.DESCENDING;
            }
            return search.page(prepared, column, descending, offset, limit).stream();
        });
        grid.sort(List.of(new GridSortOrder<>(date, SortDirection.DESCENDING)));
    }

    /** SRCH-4: the name, the TXID and the details link open the debtor with that process (its own URL). */
    private Anchor link(String text, SearchRow row, String id) {
        String href = RouteConfiguration.forSessionScope()
                .getUrl(DebtorDetailView.class, DebtorDetailView.parameters(mode, row.debtorNumber(), row.txid()));
        Anchor anchor = new Anchor(href, text);
        anchor.setId(id);
        return anchor;
    }

    private String money(Money money) {
        return money.format(getLocale());
    }

    private void addRow() {
        if (rows.size() >= 3) {
            return;
        }
        CriterionRow row = new CriterionRow(rows.size() + 1);
        rows.add(row);
        criteria.add(row);
        addCriterion.setEnabled(rows.size() < 3);
    }

    private void removeRow(CriterionRow row) {
        rows.remove(row);
        criteria.remove(row);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).renumber(i + 1);
        }
        addCriterion.setEnabled(rows.size() < 3);
    }

    private void runSearch() {
        rows.forEach(CriterionRow::clearError);
        from.setInvalid(false);
        to.setInvalid(false);
        portal.setInvalid(false);
        List<SearchRequest.Criterion> given = new ArrayList<>();
        List<CriterionRow> used = new ArrayList<>();
        for (CriterionRow row : rows) {
            if (!row.isBlank()) {
                given.add(row.criterion());
                used.add(row);
            }
        }
        try {
            prepared = search.prepare(new SearchRequest(
                    portal.getValue() == null ? null : portal.getValue().id(), given, from.getValue(), to.getValue()));
        } catch (OperationRefused refused) {
            prepared = null;
            showError(refused, used);
            grid.getDataProvider().refreshAll();
            return;
        }
        if (search.exceedsLimit(prepared)) {
            prepared = null;
            message.setText(getTranslation("search.tooMany", DebtorSearch.LIMIT));
            message.getElement().setAttribute("theme", "error");
        } else {
            message.setText("");
            message.getElement().removeAttribute("theme");
        }
        grid.getDataProvider().refreshAll();
        if (prepared != null
                && search.page(prepared, SortColumn.DATE, true, 0, 1).isEmpty()) {
            message.setText(getTranslation("search.none"));
        }
    }

    private void showError(OperationRefused refused, List<CriterionRow> used) {
        String text = getTranslation(refused.messageKey(), refused.arguments());
        String field = refused.field() == null ? "" : refused.field();
        HasValidation target = switch (field) {
            case "from" -> from;
            case "to" -> to;
            case "portal" -> portal;
            default ->
                field.startsWith("criterion") && Integer.parseInt(field.substring(9)) <= used.size()
                        ? used.get(Integer.parseInt(field.substring(9)) - 1).input()
                        : null;
        };
        if (target == null) {
            message.setText(text);
            return;
        }
        target.setErrorMessage(text);
        target.setInvalid(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mode = event.getRouteParameters().get("mode").orElse("live");
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.debtors");
    }

    /** One criterion: a category and an input that fits it (text, or a choice for method, status, dunning level). */
    private final class CriterionRow extends HorizontalLayout {

        private final Select<Category> category = new Select<>();
        private final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        private Component value;

        CriterionRow(int number) {
            setAlignItems(FlexComponent.Alignment.BASELINE);
            category.setItems(Category.values());
            category.setItemLabelGenerator(c -> getTranslation("search.category." + c.name()));
            category.setValue(number == 1 ? Category.LAST_NAME : number == 2 ? Category.FIRST_NAME : Category.CITY);
            category.addValueChangeListener(e -> replaceInput());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            remove.getElement().setAttribute("aria-label", getTranslation("search.removeCriterion"));
            remove.addClickListener(e -> removeRow(this));
            value = input(category.getValue());
            add(category, value, remove);
            renumber(number);
        }

        void renumber(int number) {
            category.setId("criterion-category-" + number);
            value.setId("criterion-value-" + number);
            remove.setId("criterion-remove-" + number);
            category.setLabel(number == 1 ? getTranslation("search.category") : null);
            remove.setVisible(rows.size() > 1 || number > 1);
        }

        private void replaceInput() {
            Component next = input(category.getValue());
            next.setId(value.getId().orElse(""));
            replace(value, next);
            value = next;
        }

        private Component input(Category c) {
            return switch (c.input()) {
                case TEXT -> {
                    TextField field = new TextField();
                    field.setPlaceholder(getTranslation("search.category." + c.name()));
                    field.setMaxLength(100);
                    field.setClearButtonVisible(true);
                    yield field;
                }
                case PAYMENT_METHOD -> choice(PaymentMethod.values(), "method.");
                case STATUS -> choice(ProcessStatus.values(), "status.");
                case DUNNING_LEVEL -> choice(DunningStatus.values(), "dunning.");
            };
        }

        private Select<String> choice(Enum<?>[] values, String prefix) {
            Select<String> select = new Select<>();
            List<String> names = new ArrayList<>();
            for (Enum<?> v : values) {
                names.add(v.name());
            }
            select.setItems(names);
            select.setItemLabelGenerator(n -> getTranslation(prefix + n));
            select.setValue(names.getFirst());
            return select;
        }

        boolean isBlank() {
            Object v = ((HasValue<?, ?>) value).getValue();
            return v == null || v.toString().isBlank();
        }

        SearchRequest.Criterion criterion() {
            return new SearchRequest.Criterion(
                    category.getValue(), ((HasValue<?, ?>) value).getValue().toString());
        }

        HasValidation input() {
            return (HasValidation) value;
        }

        void clearError() {
            input().setInvalid(false);
        }
    }
}
