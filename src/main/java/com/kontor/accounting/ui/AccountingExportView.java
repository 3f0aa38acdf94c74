package com.kontor.accounting.ui;

import com.kontor.accounting.AccountingExportEntry;
import com.kontor.accounting.AccountingExportFormat;
import com.kontor.accounting.AccountingExportOutcome;
import com.kontor.accounting.AccountingExportPermission;
import com.kontor.accounting.AccountingExports;
import com.kontor.accounting.JournalPeriod;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * The accounting export (ACCT-1): a month or a date range of the current mode as DATEV batch or CSV, stored and
 * downloaded; what the export was compared with the last one of the period (the same, or late bookings); and the
 * earlier exports with their checksum, to download again. FINANCE and ADMIN export; AUDITOR sees and downloads the
 * earlier exports only. The service checks all of it again.
 */
@Route(Mode.ROUTE_PREFIX + "accounting-export")
@Menu(title = "nav.accountingExport", order = 50, icon = "vaadin:book-dollar")
@RolesAllowed({Role.Names.FINANCE, Role.Names.ADMIN, Role.Names.AUDITOR})
public class AccountingExportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int MONTHS = 24;

    private final AccountingExports exports;
    private final CurrentUser currentUser;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final RadioButtonGroup<Boolean> byMonth = new RadioButtonGroup<>();
    private final Select<YearMonth> month = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<AccountingExportFormat> format = new Select<>();
    private final Button export = new Button();
    private final Paragraph result = new Paragraph();
    private final HorizontalLayout resultRow = new HorizontalLayout();
    private final Grid<AccountingExportEntry> grid = new Grid<>();
    private String mode = "live";

    public AccountingExportView(
            AccountingExports exports,
            AccountingExportPermission permission,
            MerchantDirectory merchants,
            CurrentUser currentUser) {
        this.exports = exports;
        this.currentUser = currentUser;
        Locale locale = getLocale();
        zone = merchants.requireCurrent().settings().timeZone();
        dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        setWidthFull();
        setMaxWidth("80em");
        add(new H2(getTranslation("nav.accountingExport")));
        Paragraph intro = new Paragraph(getTranslation("accountingExport.intro"));
        intro.addClassName("kontor-muted");
        add(intro);

        YearMonth current = YearMonth.now(zone);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            months.add(current.minusMonths(i));
        }
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        byMonth.setId("accounting-export-by");
        byMonth.setItems(true, false);
        byMonth.setItemLabelGenerator(b -> getTranslation(b ? "accountingExport.byMonth" : "accountingExport.byRange"));
        byMonth.setValue(true);
        month.setId("accounting-export-month");
        month.setLabel(getTranslation("accountingExport.month"));
        month.setItems(months);
        month.setItemLabelGenerator(monthName::format);
        month.setValue(current.minusMonths(1));
        from.setId("accounting-export-from");
        from.setLabel(getTranslation("accountingExport.from"));
        from.setLocale(locale);
        to.setId("accounting-export-to");
        to.setLabel(getTranslation("accountingExport.to"));
        to.setLocale(locale);
        byMonth.addValueChangeListener(e -> showPeriodFields());
        format.setId("accounting-export-format");
        format.setLabel(getTranslation("accountingExport.format"));
        format.setItems(AccountingExportFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("accountingExport.format." + f.name()));
        format.setValue(AccountingExportFormat.DATEV);
        export.setText(getTranslation("accountingExport.export"));
        export.setIcon(VaadinIcon.FILE_TEXT_O.create());
        export.setId("accounting-export-start");
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.setDisableOnClick(true);
        export.addClickListener(e -> export());
        HorizontalLayout form = new HorizontalLayout(byMonth, month, from, to, format, export);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.setVisible(permission.mayExport());
        showPeriodFields();

        result.setId("accounting-export-result");
        resultRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        resultRow.setWrap(true);
        resultRow.add(result);
        resultRow.setVisible(false);

        grid.setId("accounting-exports");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("28em");
        grid.setPageSize(20);
        grid.addColumn(e -> period(e.period()))
                .setHeader(getTranslation("accountingExport.period"))
                .setFlexGrow(1);
        grid.addColumn(e ->
                        getTranslation("accountingExport.format." + e.format().name()))
                .setHeader(getTranslation("accountingExport.format"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AccountingExportEntry::rows)
                .setHeader(getTranslation("accountingExport.rows"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AccountingExportEntry::shortChecksum)
                .setHeader(getTranslation("accountingExport.checksum"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AccountingExportEntry::createdBy)
                .setHeader(getTranslation("accountingExport.createdBy"))
                .setFlexGrow(1);
        grid.addColumn(e -> dateTime.format(e.createdAt()))
                .setHeader(getTranslation("accountingExport.createdAt"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(e -> download(e, getTranslation("accountingExport.download")))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(query -> exports.list(query.getOffset(), query.getLimit()).stream());

        add(form, resultRow, new H3(getTranslation("accountingExport.earlier")), grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mode = event.getRouteParameters().get(Mode.ROUTE_PARAMETER).orElse("live");
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.accountingExport");
    }

    private void showPeriodFields() {
        boolean monthly = Boolean.TRUE.equals(byMonth.getValue());
        month.setVisible(monthly);
        from.setVisible(!monthly);
        to.setVisible(!monthly);
    }

    private void export() {
        export.setEnabled(true);
        from.setInvalid(false);
        to.setInvalid(false);
        Optional<JournalPeriod> period = period();
        if (period.isEmpty()) {
            return;
        }
        try {
            AccountingExportOutcome outcome = exports.export(period.get(), format.getValue());
            showOutcome(outcome);
            grid.getDataProvider().refreshAll();
        } catch (OperationRefused refused) {
            String message = getTranslation(refused.messageKey(), refused.arguments());
            if ("to".equals(refused.field()) && !Boolean.TRUE.equals(byMonth.getValue())) {
                to.setErrorMessage(message);
                to.setInvalid(true);
            } else {
                Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    private Optional<JournalPeriod> period() {
        if (Boolean.TRUE.equals(byMonth.getValue())) {
            return Optional.ofNullable(month.getValue()).map(JournalPeriod::of);
        }
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        if (start == null) {
            from.setErrorMessage(getTranslation("accountingExport.error.required"));
            from.setInvalid(true);
        }
        if (end == null) {
            to.setErrorMessage(getTranslation("accountingExport.error.required"));
            to.setInvalid(true);
        }
        if (start == null || end == null) {
            return Optional.empty();
        }
        if (end.isBefore(start)) {
            to.setErrorMessage(getTranslation("accountingExport.error.order"));
            to.setInvalid(true);
            return Optional.empty();
        }
        return Optional.of(new JournalPeriod(start, end));
    }

    private void showOutcome(AccountingExportOutcome outcome) {
        AccountingExportEntry e = outcome.export();
        String text;
        if (outcome.previous() == null) {
            text = getTranslation("accountingExport.result.first", e.rows(), e.shortChecksum());
        } else {
            String when = dateTime.format(outcome.previous().createdAt());
            if (outcome.sameAsPrevious()) {
                text = getTranslation("accountingExport.result.same", when, e.shortChecksum());
            } else if (outcome.lateRecords() > 0) {
                text = getTranslation("accountingExport.result.late", outcome.lateRecords(), when);
            } else if (outcome.mappingChanged()) {
                text = getTranslation("accountingExport.result.mapping", when);
            } else {
                text = getTranslation("accountingExport.result.differs", when);
            }
        }
        result.setText(text);
        resultRow.removeAll();
        Anchor link = download(e, getTranslation("accountingExport.downloadFile", exports.fileName(e)));
        link.setId("accounting-export-download");
        resultRow.add(result, link);
        resultRow.setVisible(true);
    }

    private String period(JournalPeriod p) {
        return p.isMonth()
                ? DateTimeFormatter.ofPattern("MMMM yyyy", getLocale()).format(p.from())
                : date.format(p.from()) + " – " + date.format(p.to());
    }

    private Anchor download(AccountingExportEntry entry, String text) {
        Anchor anchor = new Anchor(handler(entry.id()), AttachmentType.DOWNLOAD, text);
        anchor.setId("accounting-export-download-" + entry.id());
        return anchor;
    }

    /**
     * A download is its own request, without the view's mode: the person's merchant at that moment and the view's
     * mode; the service checks the role and refuses another merchant's or mode's export.
     */
    private DownloadHandler handler(long id) {
        String viewMode = mode;
        return (DownloadEvent event) -> {
            Optional<Long> merchantId = currentUser.get().map(KontorUser::merchantId);
            Optional<Mode> m = Mode.fromUrlSegment(viewMode);
            if (merchantId.isEmpty() || m.isEmpty()) {
                event.getResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            Partition partition = new Partition(merchantId.get(), m.get());
            try {
                Optional<AccountingExportEntry> entry = TenancyScope.inPartition(partition, () -> exports.find(id));
                if (entry.isEmpty()) {
                    event.getResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                event.setFileName(TenancyScope.inPartition(partition, () -> exports.fileName(entry.get())));
                event.setContentType(
                        entry.get().format() == AccountingExportFormat.DATEV
                                ? "text/csv; charset=windows-1252"
                                : "text/csv; charset=UTF-8");
                event.setContentLength(entry.get().bytes());
                try (OutputStream out = event.getOutputStream()) {
                    TenancyScope.inPartition(partition, () -> exports.write(id, out));
                }
            } catch (AccessDeniedException denied) {
                event.getResponse().setStatus(HttpServletResponse.SC_FORBIDDEN);
            }
        };
    }
}
