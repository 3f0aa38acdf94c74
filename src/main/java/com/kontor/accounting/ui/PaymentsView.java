package com.kontor.accounting.ui;

import com.kontor.accounting.PaymentCursor;
import com.kontor.accounting.PaymentFilter;
import com.kontor.accounting.PaymentKind;
import com.kontor.accounting.PaymentPage;
import com.kontor.accounting.PaymentRow;
import com.kontor.accounting.PaymentSum;
import com.kontor.accounting.PaymentsCsv;
import com.kontor.accounting.PaymentsList;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.psp.ProviderDirectory;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PortalSummary;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
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
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The payments list (TX-7): the merchant's payments, refunds, chargebacks, returned debits and fee bookings of the
 * mode, filtered, newest first, with sums per currency and the CSV export of exactly the rows filtered. The grid is
 * lazy without a size: each page is read by key after the last row of the page before, whose position the view keeps
 * per offset, so scrolling never makes the database skip rows. Amount filters are major units of the merchant's
 * currency, turned into minor units here.
 */
@Route(Mode.ROUTE_PREFIX + "payments")
@Menu(title = "nav.payments", order = 25, icon = "vaadin:money")
@RolesAllowed({Role.Names.FINANCE, Role.Names.ADMIN, Role.Names.AUDITOR})
public class PaymentsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final List<String> PROVIDERS = List.of("ADYEN", "PAYONE", ProviderDirectory.SIMULATOR);

    private final PaymentsList payments;
    private final ZoneId zone;
    private final Currency currency;
    private final Locale locale;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<PortalSummary> portal = new Select<>();
    private final Select<String> provider = new Select<>();
    private final Select<PaymentMethod> method = new Select<>();
    private final MultiSelectComboBox<PaymentKind> kinds = new MultiSelectComboBox<>();
    private final BigDecimalField minAmount = new BigDecimalField();
    private final BigDecimalField maxAmount = new BigDecimalField();
    private final Select<ProcessStatus> status = new Select<>();
    private final Div sums = new Div();
    private final Grid<PaymentRow> grid = new Grid<>();
    /** The keyset position after each page read so far, by the offset of the row that follows it. */
    private final NavigableMap<Integer, PaymentCursor> boundaries = new TreeMap<>();
    /** The filter of the rows shown (set by a valid filter), which the export writes; null: none valid. */
    private volatile PaymentFilter shown;

    private String mode = "live";

    public PaymentsView(PaymentsList payments, PaymentsCsv csv, MerchantDirectory merchants, CurrentUser currentUser) {
        this.payments = payments;
        MerchantSummary merchant = merchants.requireCurrent();
        this.zone = merchant.settings().timeZone();
        this.currency = merchant.settings().defaultCurrency();
        this.locale = getLocale();
        setSizeFull();

        Paragraph help = new Paragraph(getTranslation("payments.help"));
        help.setId("payments-help");
        help.addClassName("kontor-muted");

        LocalDate today = LocalDate.now(zone);
        PaymentFilter month = PaymentFilter.month(today);
        from.setId("payments-from");
        from.setLabel(getTranslation("payments.from"));
        from.setValue(month.from());
        from.setLocale(locale);
        from.setWidth("10em");
        to.setId("payments-to");
        to.setLabel(getTranslation("payments.to"));
        to.setValue(month.to());
        to.setLocale(locale);
        to.setWidth("10em");

        portal.setId("payments-portal");
        portal.setLabel(getTranslation("payments.portal"));
        portal.setItems(merchant.portals());
        portal.setEmptySelectionAllowed(true);
        portal.setEmptySelectionCaption(getTranslation("payments.any"));
        portal.setItemLabelGenerator(p -> p == null ? getTranslation("payments.any") : p.name());
        portal.setWidth("10em");
        portal.setVisible(merchant.portals().size() > 1);

        provider.setId("payments-provider");
        provider.setLabel(getTranslation("payments.provider"));
        provider.setItems(PROVIDERS);
        provider.setEmptySelectionAllowed(true);
        provider.setEmptySelectionCaption(getTranslation("payments.any"));
        provider.setWidth("9em");

        method.setId("payments-method");
        method.setLabel(getTranslation("payments.method"));
        method.setItems(PaymentMethod.values());
        method.setEmptySelectionAllowed(true);
        method.setEmptySelectionCaption(getTranslation("payments.any"));
        method.setItemLabelGenerator(m -> m == null ? getTranslation("payments.any") : getTranslation("method." + m));
        method.setWidth("10em");

        kinds.setId("payments-kinds");
        kinds.setLabel(getTranslation("payments.kinds"));
        kinds.setItems(PaymentKind.values());
        kinds.setItemLabelGenerator(k -> getTranslation("payments.kind." + k.name()));
        kinds.setPlaceholder(getTranslation("payments.any"));
        kinds.setWidth("16em");

        minAmount.setId("payments-min");
        minAmount.setLabel(getTranslation("payments.minAmount", currency.getCurrencyCode()));
        minAmount.setWidth("9em");
        maxAmount.setId("payments-max");
        maxAmount.setLabel(getTranslation("payments.maxAmount", currency.getCurrencyCode()));
        maxAmount.setWidth("9em");

        status.setId("payments-status");
        status.setLabel(getTranslation("payments.status"));
        status.setItems(ProcessStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("payments.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("payments.any") : getTranslation("status." + s));
        status.setWidth("9em");

        Button apply = new Button(getTranslation("payments.apply"), VaadinIcon.SEARCH.create(), e -> applyFilter());
        apply.setId("payments-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickShortcut(Key.ENTER);

        Anchor export = new Anchor(
                (DownloadEvent event) -> {
                    PaymentFilter filter = shown;
                    // a download is its own request: the person logged in now, their merchant, the view's mode
                    Optional<KontorUser> user = currentUser.get();
                    Optional<Mode> viewMode = Mode.fromUrlSegment(mode);
                    if (filter == null || user.isEmpty() || user.get().merchantId() == null || viewMode.isEmpty()) {
                        event.getResponse().setStatus(404);
                        return;
                    }
                    event.setFileName("payments-" + mode + "-" + filter.from() + "-" + filter.to() + ".csv");
                    event.setContentType("text/csv; charset=UTF-8");
                    try (OutputStream out = event.getOutputStream()) {
                        TenancyScope.inPartition(
                                new Partition(user.get().merchantId(), viewMode.get()),
                                () -> csv.write(filter, locale, out));
                    }
                },
                "");
        export.setId("payments-csv");
        export.setRouterIgnore(true);
        Button exportButton = new Button(getTranslation("payments.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.setTabIndex(-1);
        export.add(exportButton);

        HorizontalLayout filters =
                new HorizontalLayout(from, to, portal, provider, method, kinds, minAmount, maxAmount, status);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setWidthFull();
        HorizontalLayout actions = new HorizontalLayout(apply, export);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);

        sums.setId("payments-sums");
        sums.addClassName("kontor-muted");
        configureGrid();
        add(new H2(getTranslation("nav.payments")), help, filters, actions, sums, grid);
        expand(grid);
    }

    private void configureGrid() {
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        grid.setId("payments-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> dateTime.format(r.bookedAt()))
                .setHeader(getTranslation("payments.col.bookedAt"))
                .setWidth("9.5em")
                .setFlexGrow(0);
        grid.addComponentColumn(this::processLink)
                .setHeader("TXID")
                .setWidth("6.5em")
                .setFlexGrow(0);
        grid.addColumn(r -> r.debtorNumber() == null ? "" : r.debtorName() + " (" + r.debtorNumber() + ")")
                .setHeader(getTranslation("payments.col.debtor"))
                .setWidth("6.5em")
                .setFlexGrow(2)
                .setTooltipGenerator(r -> r.debtorName() == null ? "" : r.debtorName());
        grid.addColumn(PaymentRow::portal)
                .setHeader(getTranslation("payments.col.portal"))
                .setWidth("4.5em")
                .setFlexGrow(1)
                .setTooltipGenerator(PaymentRow::portal);
        grid.addColumn(r -> r.provider() == null ? "" : r.provider())
                .setHeader(getTranslation("payments.col.provider"))
                .setWidth("6.5em")
                .setFlexGrow(0);
        grid.addColumn(r -> r.providerTxn() == null ? "" : r.providerTxn())
                .setHeader(getTranslation("payments.col.providerTxn"))
                .setWidth("5.5em")
                .setFlexGrow(2)
                .setTooltipGenerator(r -> r.providerTxn() == null ? "" : r.providerTxn());
        grid.addColumn(r -> getTranslation("method." + r.method()))
                .setHeader(getTranslation("payments.col.method"))
                .setWidth("5.5em")
                .setFlexGrow(1)
                .setTooltipGenerator(r -> getTranslation("method." + r.method()));
        grid.addColumn(this::kindText)
                .setHeader(getTranslation("payments.col.kind"))
                .setWidth("5.5em")
                .setFlexGrow(1)
                .setTooltipGenerator(this::kindText);
        grid.addColumn(r -> r.amount().format(locale))
                .setHeader(getTranslation("payments.col.amount"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("7.5em")
                .setFlexGrow(0);
        grid.addColumn(r -> getTranslation("status." + r.status()))
                .setHeader(getTranslation("payments.col.status"))
                .setWidth("5em")
                .setFlexGrow(0);
        // narrow columns cut long names: the user may widen any of them, and the cut ones show the whole text on hover
        grid.getColumns().forEach(column -> column.setResizable(true));
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()));
    }

    private String kindText(PaymentRow r) {
        String kind = getTranslation("payments.kind." + r.kind().name());
        return r.kind() == PaymentKind.FEE ? kind + ": " + getTranslation("receivable." + r.receivableType()) : kind;
    }

    private Component processLink(PaymentRow r) {
        if (r.debtorNumber() == null) {
            return new Span(Long.toString(r.txid()));
        }
        Anchor link = new Anchor(mode + "/debtors/" + r.debtorNumber() + "/" + r.txid(), Long.toString(r.txid()));
        link.setId("payment-txid-" + r.bookingId());
        return link;
    }

    /**
     * The rows Vaadin asks for by offset, read by key: from the position kept for the nearest offset at or before it
     * (normally exactly it: the grid asks page after page), walking forward by key where the grid jumped ahead.
     */
    private Stream<PaymentRow> fetch(int offset, int limit) {
        PaymentFilter filter = shown;
        if (filter == null) {
            return Stream.empty();
        }
        Map.Entry<Integer, PaymentCursor> start = boundaries.floorEntry(offset);
        int at = start.getKey();
        PaymentCursor cursor = start.getValue();
        while (at < offset) {
            PaymentPage skipped = payments.page(filter, cursor, Math.min(offset - at, PaymentsList.MAX_PAGE));
            if (skipped.rows().isEmpty()) {
                return Stream.empty();
            }
            at += skipped.rows().size();
            cursor = skipped.next();
            boundaries.put(at, cursor);
            if (!skipped.more() && at < offset) {
                return Stream.empty();
            }
        }
        PaymentPage page = payments.page(filter, cursor, Math.min(limit, PaymentsList.MAX_PAGE));
        if (!page.rows().isEmpty()) {
            boundaries.put(offset + page.rows().size(), page.next());
        }
        return page.rows().stream();
    }

    private void applyFilter() {
        List<HasValidation> fields = List.of(from, to, minAmount, maxAmount, provider);
        fields.forEach(f -> f.setInvalid(false));
        PaymentFilter filter;
        try {
            filter = new PaymentFilter(
                    from.getValue(),
                    to.getValue(),
                    portal.getValue() == null ? null : portal.getValue().id(),
                    provider.getValue(),
                    method.getValue(),
                    kinds.getSelectedItems(),
                    minor(minAmount, "minAmount"),
                    minor(maxAmount, "maxAmount"),
                    status.getValue());
            filter.validate();
        } catch (OperationRefused refused) {
            HasValidation field = switch (refused.field() == null ? "" : refused.field()) {
                case "from" -> from;
                case "minAmount" -> minAmount;
                case "maxAmount" -> maxAmount;
                case "provider" -> provider;
                default -> to;
            };
            field.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
            field.setInvalid(true);
            return;
        }
        show(filter);
    }

    /** The field's major amount in minor units of the merchant's currency; more decimals than it has are refused. */
    private Long minor(BigDecimalField field, String name) {
        BigDecimal major = field.getValue();
        if (field.isInvalid() && major == null && !field.isEmpty()) {
            throw OperationRefused.onField(name, "payments.error.amountFormat");
        }
        if (major == null) {
            return null;
        }
        try {
            return major.movePointRight(Math.max(0, currency.getDefaultFractionDigits()))
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw OperationRefused.onField(name, "payments.error.amountFormat");
        }
    }

    private void show(PaymentFilter filter) {
        shown = filter;
        boundaries.clear();
        boundaries.put(0, null);
        showSums(filter);
        grid.getDataProvider().refreshAll();
    }

    private void showSums(PaymentFilter filter) {
        sums.removeAll();
        List<PaymentsList.SumRow> rows = payments.sums(filter);
        if (rows.isEmpty()) {
            Span none = new Span(getTranslation("payments.sums.none"));
            none.setId("payments-sums-none");
            sums.add(none);
            return;
        }
        for (PaymentsList.SumRow row : rows) {
            PaymentSum sum = row.sum();
            Div line = new Div(new Span(getTranslation(
                    "payments.sums.line",
                    row.currency(),
                    sum.count(),
                    sum.moneyIn().format(locale),
                    sum.moneyOut().format(locale),
                    sum.net().format(locale),
                    sum.fees().format(locale))));
            line.setId("payments-sums-" + row.currency());
            sums.add(line);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mode = event.getRouteParameters().get(Mode.ROUTE_PARAMETER).orElse("live");
        if (shown == null) {
            applyFilter();
        }
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.payments");
    }
}
