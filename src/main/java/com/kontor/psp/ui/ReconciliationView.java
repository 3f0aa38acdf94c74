package com.kontor.psp.ui;

import com.kontor.money.Money;
import com.kontor.psp.ImportOutcome;
import com.kontor.psp.Reconciliation;
import com.kontor.psp.SettlementDifferenceRow;
import com.kontor.psp.SettlementProvider;
import com.kontor.psp.SettlementReportRow;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Optional;

/**
 * Settlement reconciliation (PSP-4): upload a provider's settlement report, see what its lines became, the open (or
 * resolved) differences with the process they belong to, resolve one with a comment, and the reports imported so far.
 * FINANCE and ADMIN import and resolve; AUDITOR reads. The service checks every call again.
 */
@Route(Mode.ROUTE_PREFIX + "reconciliation")
@Menu(title = "nav.reconciliation", order = 55, icon = "vaadin:scale")
@RolesAllowed({Role.Names.FINANCE, Role.Names.ADMIN, Role.Names.AUDITOR})
public class ReconciliationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A report of 100,000 Adyen lines is about 25 MB; bigger files are cut off before they fill the memory. */
    private static final long UPLOAD_MAX = 64L * 1024 * 1024;

    private final Reconciliation reconciliation;
    private final CurrentUser currentUser;
    private final Grid<SettlementDifferenceRow> differences = new Grid<>();
    private final Grid<SettlementReportRow> reports = new Grid<>();
    private final RadioButtonGroup<Boolean> filter = new RadioButtonGroup<>();
    private final Select<Optional<SettlementProvider>> provider = new Select<>();
    private final Paragraph result = new Paragraph();
    private final Span openCount = new Span();
    private Upload upload;
    private final java.util.concurrent.atomic.AtomicReference<Pending> pending =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile SettlementProvider chosen;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private volatile String mode = "live";

    public ReconciliationView(
            Reconciliation reconciliation, CurrentUser currentUser, MerchantDirectory merchantDirectory) {
        this.reconciliation = reconciliation;
        this.currentUser = currentUser;
        ZoneId zone = merchantDirectory.requireCurrent().settings().timeZone();
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        setSizeFull();
        add(new H2(getTranslation("reconciliation.title")));
        if (reconciliation.mayChange()) {
            add(uploadRow());
        } else {
            Paragraph readOnly = new Paragraph(getTranslation("reconciliation.readOnly"));
            readOnly.addClassName("kontor-muted");
            add(readOnly);
        }
        result.setId("reconciliation-result");
        result.setVisible(false);
        add(result);

        filter.setId("reconciliation-filter");
        filter.setItems(true, false);
        filter.setItemLabelGenerator(
                open -> getTranslation(open ? "reconciliation.filter.open" : "reconciliation.filter.resolved"));
        filter.setValue(true);
        filter.addValueChangeListener(e -> refresh());
        openCount.setId("reconciliation-open-count");
        openCount.addClassName("kontor-muted");
        HorizontalLayout filterRow =
                new HorizontalLayout(new H3(getTranslation("reconciliation.differences")), filter, openCount);
        filterRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        filterRow.setWrap(true);
        add(filterRow, differencesGrid());
        add(new H3(getTranslation("reconciliation.reports")), reportsGrid());
    }

    private Component uploadRow() {
        provider.setId("reconciliation-provider");
        provider.setLabel(getTranslation("reconciliation.provider"));
        provider.setItems(
                Optional.empty(), Optional.of(SettlementProvider.ADYEN), Optional.of(SettlementProvider.PAYONE));
        provider.setItemLabelGenerator(p -> p.map(v -> v == SettlementProvider.ADYEN ? "Adyen" : "PAYONE")
                .orElse(getTranslation("reconciliation.provider.detect")));
        provider.setValue(Optional.empty());
        provider.setWidth("16em");
        upload = new Upload(
                new InMemoryUploadHandler((meta, bytes) -> {
                    // runs on the upload's own request, outside the session lock: the person's merchant now and the
                    // view's mode, checked again by the service; the result is shown when the browser reports success
                    pending.set(new Pending(meta.fileName(), importNow(meta.fileName(), bytes)));
                }) {
                    @Override
                    public long getFileSizeMax() {
                        return UPLOAD_MAX;
                    }

                    @Override
                    public long getRequestSizeMax() {
                        return UPLOAD_MAX + 64 * 1024;
                    }
                });
        upload.setId("reconciliation-upload");
        upload.getElement().addEventListener("upload-success", e -> showPending());
        provider.addValueChangeListener(
                e -> chosen = e.getValue() == null ? null : e.getValue().orElse(null));
        upload.setAcceptedFileTypes("text/csv", ".csv", ".txt");
        upload.setMaxFileSize((int) UPLOAD_MAX);
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(getTranslation("reconciliation.upload"))
                        .setMany(getTranslation("reconciliation.upload")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(getTranslation("reconciliation.upload.drop"))
                        .setMany(getTranslation("reconciliation.upload.drop"))));
        HorizontalLayout row = new HorizontalLayout(provider, upload);
        row.setAlignItems(FlexComponent.Alignment.END);
        row.setWrap(true);
        return row;
    }

    private record Pending(String fileName, ImportOutcome outcome) {}

    private ImportOutcome importNow(String fileName, byte[] bytes) {
        Optional<Long> merchantId = currentUser.get().map(KontorUser::merchantId);
        Optional<Mode> viewMode = Mode.fromUrlSegment(mode);
        if (merchantId.isEmpty() || viewMode.isEmpty()) {
            return null;
        }
        return TenancyScope.inPartition(
                new Partition(merchantId.get(), viewMode.get()),
                () -> reconciliation.importReport(fileName, bytes, chosen));
    }

    private void showPending() {
        Pending done = pending.getAndSet(null);
        if (done == null || done.outcome() == null) {
            return;
        }
        String fileName = done.fileName();
        ImportOutcome outcome = done.outcome();
        result.removeClassNames("kontor-error");
        result.getStyle().remove("color");
        switch (outcome) {
            case ImportOutcome.Imported i ->
                result.setText(getTranslation(
                        "reconciliation.result.imported",
                        fileName,
                        i.lines(),
                        i.matched(),
                        i.amountDiffers(),
                        i.unknown(),
                        i.fees(),
                        i.payouts(),
                        i.alreadySettled(),
                        i.missing()));
            case ImportOutcome.AlreadyImported a ->
                result.setText(getTranslation(
                        "reconciliation.result.already", dateTime.format(a.importedAt()), a.importedBy()));
            case ImportOutcome.Refused r -> {
                String reason = getTranslation(r.reasonKey(), r.arguments().toArray());
                result.setText(getTranslation(
                        "reconciliation.result.refused",
                        r.line() > 0 ? getTranslation("reconciliation.result.refusedLine", r.line(), reason) : reason));
                result.getStyle().set("color", "var(--lumo-error-text-color)");
            }
        }
        result.setVisible(true);
        upload.clearFileList();
        refresh();
    }

    private Grid<SettlementDifferenceRow> differencesGrid() {
        differences.setId("reconciliation-differences");
        differences.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        differences
                .addColumn(d -> getTranslation("reconciliation.kind." + d.kind().name()))
                .setHeader(getTranslation("reconciliation.column.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        differences
                .addColumn(SettlementDifferenceRow::provider)
                .setHeader(getTranslation("reconciliation.column.provider"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        differences
                .addColumn(SettlementDifferenceRow::reference)
                .setHeader(getTranslation("reconciliation.column.reference"))
                .setFlexGrow(1);
        differences
                .addComponentColumn(this::txidLink)
                .setHeader(getTranslation("reconciliation.column.txid"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        differences
                .addColumn(d -> money(d.expected(), d.currency()))
                .setHeader(getTranslation("reconciliation.column.expected"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        differences
                .addColumn(d -> money(d.reported(), d.currency()))
                .setHeader(getTranslation("reconciliation.column.reported"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        differences
                .addColumn(d -> d.fileName() == null
                        ? ""
                        : d.fileName() + (d.batchNumber() == null ? "" : " / " + d.batchNumber()))
                .setHeader(getTranslation("reconciliation.column.report"))
                .setFlexGrow(1);
        differences
                .addColumn(d -> date.format(d.occurredOn()))
                .setHeader(getTranslation("reconciliation.column.date"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        differences
                .addComponentColumn(this::action)
                .setHeader(getTranslation("reconciliation.column.resolution"))
                .setFlexGrow(1);
        differences.setMinHeight("16em");
        return differences;
    }

    private Component txidLink(SettlementDifferenceRow d) {
        if (d.txid() == null) {
            return new Span();
        }
        if (d.debtorNumber() == null) {
            return new Span(d.txid().toString());
        }
        Anchor link = new Anchor(
                mode + "/debtors/" + d.debtorNumber() + "/" + d.txid(), d.txid().toString());
        link.setId("reconciliation-txid-" + d.id());
        return link;
    }

    private Component action(SettlementDifferenceRow d) {
        if (!d.open()) {
            Span done = new Span(d.resolution() + " – " + d.resolvedBy()
                    + (d.bookedAmount() == null ? "" : " (" + money(d.bookedAmount(), d.currency()) + ")"));
            done.setId("reconciliation-resolution-" + d.id());
            done.getElement().setAttribute("title", done.getText());
            return done;
        }
        if (!reconciliation.mayChange()) {
            return new Span();
        }
        Button resolve = new Button(getTranslation("reconciliation.resolve"), e -> openResolve(d));
        resolve.setId("reconciliation-resolve-" + d.id());
        resolve.setAriaLabel(getTranslation("reconciliation.resolve") + " " + d.reference());
        resolve.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return resolve;
    }

    private void openResolve(SettlementDifferenceRow d) {
        Dialog dialog = new Dialog(getTranslation("reconciliation.resolve.title"));
        dialog.setId("reconciliation-resolve-dialog");
        Paragraph what = new Paragraph(getTranslation(
                        "reconciliation.kind." + d.kind().name()) + ": " + d.reference()
                + " – " + getTranslation("reconciliation.column.expected") + " " + money(d.expected(), d.currency())
                + ", " + getTranslation("reconciliation.column.reported") + " " + money(d.reported(), d.currency()));
        TextArea comment = new TextArea(getTranslation("reconciliation.resolve.comment"));
        comment.setId("reconciliation-resolve-comment");
        comment.setMaxLength(Reconciliation.MAX_COMMENT);
        comment.setRequiredIndicatorVisible(true);
        comment.setWidthFull();
        Checkbox book = new Checkbox(getTranslation("reconciliation.resolve.book"));
        book.setId("reconciliation-resolve-book");
        book.setVisible(d.maySettleAmount());
        Span bookError = new Span();
        bookError.setId("reconciliation-resolve-error");
        bookError.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        bookError.setVisible(false);
        Button confirm = new Button(getTranslation("reconciliation.resolve.save"), e -> {
            try {
                TenancyScope.inPartition(
                        partition(),
                        () -> reconciliation.resolve(d.id(), d.version(), comment.getValue(), book.getValue()));
                dialog.close();
                result.setText(getTranslation("reconciliation.resolve.done"));
                result.getStyle().remove("color");
                result.setVisible(true);
                refresh();
            } catch (OperationRefused refused) {
                String message = getTranslation(refused.messageKey(), refused.arguments());
                if ("comment".equals(refused.field())) {
                    comment.setErrorMessage(message);
                    comment.setInvalid(true);
                } else {
                    bookError.setText(message);
                    bookError.setVisible(true);
                }
            }
        });
        confirm.setId("reconciliation-resolve-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout body = new VerticalLayout(what, comment, book, bookError);
        body.setPadding(false);
        dialog.add(body);
        dialog.getFooter()
                .add(new Button(getTranslation("reconciliation.resolve.cancel"), e -> dialog.close()), confirm);
        dialog.setWidth("34em");
        dialog.open();
    }

    private Grid<SettlementReportRow> reportsGrid() {
        reports.setId("reconciliation-reports");
        reports.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        reports.addColumn(r -> dateTime.format(r.importedAt()))
                .setHeader(getTranslation("reconciliation.column.importedAt"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        reports.addColumn(SettlementReportRow::provider)
                .setHeader(getTranslation("reconciliation.column.provider"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        reports.addColumn(SettlementReportRow::fileName)
                .setHeader(getTranslation("reconciliation.column.file"))
                .setFlexGrow(1);
        reports.addColumn(SettlementReportRow::importedBy)
                .setHeader(getTranslation("reconciliation.column.importedBy"))
                .setFlexGrow(1);
        reports.addColumn(SettlementReportRow::lines)
                .setHeader(getTranslation("reconciliation.column.lines"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        reports.addColumn(SettlementReportRow::matched)
                .setHeader(getTranslation("reconciliation.column.matched"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        reports.addColumn(SettlementReportRow::amountDiffers)
                .setHeader(getTranslation("reconciliation.column.differs"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        reports.addColumn(SettlementReportRow::unknown)
                .setHeader(getTranslation("reconciliation.column.unknown"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        reports.addColumn(SettlementReportRow::fees)
                .setHeader(getTranslation("reconciliation.column.fees"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        reports.setHeight("14em");
        return reports;
    }

    private String money(Long minor, String currency) {
        return minor == null || currency == null
                ? "–"
                : new Money(minor, Currency.getInstance(currency)).format(getLocale());
    }

    private Partition partition() {
        return new Partition(
                currentUser.require().merchantId(), Mode.fromUrlSegment(mode).orElseThrow());
    }

    private void refresh() {
        boolean open = Boolean.TRUE.equals(filter.getValue());
        differences.setItems(query -> reconciliation.differences(open, query.getOffset(), query.getLimit()).stream());
        reports.setItems(query -> reconciliation.reports(query.getOffset(), query.getLimit()).stream());
        openCount.setText(getTranslation("reconciliation.openCount", reconciliation.countOpen()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mode = event.getRouteParameters().get(Mode.ROUTE_PARAMETER).orElse("live");
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.reconciliation");
    }
}
