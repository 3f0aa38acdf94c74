package com.kontor.audit.ui;

import com.kontor.audit.ActorLabel;
import com.kontor.audit.AuditChain;
import com.kontor.audit.AuditCsv;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditFilter;
import com.kontor.audit.AuditLog;
import com.kontor.audit.AuditRecord;
import com.kontor.audit.AuditVerification;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The merchant's audit log in the main window (AUD-1, AUD-2): newest first, up to three combinable criteria and a
 * day range; opened from a debtor ({@code ?debtor=N}) it starts filtered to that debtor. The CSV export writes
 * exactly the rows the grid shows; ADMIN and AUDITOR can verify the tamper-evident chain (AUD-3). The audit module
 * sits below tenancy, so this view names its route prefix and roles literally.
 */
@Route(":mode(live|test)/audit")
@Menu(title = "nav.audit", order = 60, icon = "vaadin:records")
@RolesAllowed({"SUPPORT", "FINANCE", "APPROVER", "AUDITOR", "ADMIN"})
public class AuditLogView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final AuditLog auditLog;
    private final ZoneId zone;
    private final Grid<AuditRecord> grid = new Grid<>();
    private final Paragraph scope = new Paragraph();
    private final Paragraph message = new Paragraph();
    private final VerticalLayout criteria = new VerticalLayout();
    private final List<CriterionRow> rows = new ArrayList<>();
    private final Button addCriterion = new Button();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    /** The filter of the rows shown (set by a successful search), which the export writes; null: none valid. */
    private volatile AuditFilter shown;

    private String mode = "LIVE";

    public AuditLogView(AuditLog auditLog, AuditCsv csv, AuditChain chain) {
        this.auditLog = auditLog;
        setSizeFull();
        // Times in the merchant's time zone (set by the portal's navigation guard), else UTC.
        Object zoneId = VaadinSession.getCurrent().getAttribute("kontor.timeZone");
        zone = zoneId instanceof String id ? ZoneId.of(id) : ZoneId.of("UTC");

        criteria.setPadding(false);
        criteria.setSpacing(false);
        criteria.setId("audit-criteria");
        addCriterion.setText(getTranslation("search.addCriterion"));
        addCriterion.setIcon(VaadinIcon.PLUS.create());
        addCriterion.setId("audit-add-criterion");
        addCriterion.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addCriterion.addClickListener(e -> addRow());
        addRow();

        from.setId("audit-from");
        from.setLabel(getTranslation("search.from"));
        to.setId("audit-to");
        to.setLabel(getTranslation("search.to"));
        from.setLocale(getLocale());
        to.setLocale(getLocale());
        Button run = new Button(getTranslation("search.run"), VaadinIcon.SEARCH.create(), e -> runSearch());
        run.setId("audit-search");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickShortcut(Key.ENTER);
        Locale locale = getLocale();
        Anchor export = new Anchor(
                (DownloadEvent event) -> {
                    AuditFilter filter = shown;
                    if (filter == null) {
                        event.getResponse().setStatus(409);
                        return;
                    }
                    event.setFileName("audit-log.csv");
                    event.setContentType("text/csv; charset=UTF-8");
                    try (OutputStream out = event.getOutputStream()) {
                        csv.write(filter, locale, out);
                    }
                },
                "");
        export.setId("audit-export");
        export.setRouterIgnore(true);
        Button exportButton = new Button(getTranslation("audit.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.setTabIndex(-1);
        export.add(exportButton);
        HorizontalLayout range = new HorizontalLayout(from, to, run, export);
        range.setAlignItems(FlexComponent.Alignment.BASELINE);
        range.setWrap(true);
        if (mayVerify()) {
            Button verify = new Button(
                    getTranslation("audit.verify"), VaadinIcon.SHIELD.create(), e -> showVerification(chain.verify()));
            verify.setId("audit-verify");
            range.add(verify);
        }

        scope.setId("audit-scope");
        message.setId("audit-message");
        configureGrid();
        add(new H2(getTranslation("nav.audit")), scope, criteria, addCriterion, range, message, grid);
        expand(grid);
    }

    private void configureGrid() {
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> dateTime.format(r.occurredAt()))
                .setHeader(getTranslation("audit.date"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> ActorLabel.key(r.actorType(), r.actorName())
                        .map(this::getTranslation)
                        .orElse(r.actorName()))
                .setHeader(getTranslation("audit.user"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> getTranslation("audit.event." + r.type().name()))
                .setHeader(getTranslation("audit.type"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditRecord::debtorNumber)
                .setHeader(getTranslation("audit.debtorNumber"))
                .setWidth("7em")
                .setFlexGrow(0);
        grid.addColumn(AuditRecord::txid)
                .setHeader(getTranslation("audit.txid"))
                .setWidth("7.5em")
                .setFlexGrow(0);
        grid.addColumn(AuditRecord::comment)
                .setHeader(getTranslation("audit.comment"))
                .setWidth("6em")
                .setFlexGrow(1);
        grid.addColumn(AuditRecord::detailsText)
                .setHeader(getTranslation("audit.details"))
                .setWidth("6em")
                .setFlexGrow(4)
                .setTooltipGenerator(AuditRecord::detailsText);
        grid.addColumn(AuditRecord::id)
                .setHeader(getTranslation("audit.recordNumber"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(query -> {
            AuditFilter filter = shown;
            int offset = query.getOffset();
            int limit = query.getLimit();
            return filter == null ? Stream.empty() : auditLog.page(filter, offset, limit).stream();
        });
    }

    private static boolean mayVerify() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN")
                                || a.getAuthority().equals("ROLE_AUDITOR"));
    }

    private void addRow() {
        if (rows.size() >= AuditFilter.MAX_CRITERIA) {
            return;
        }
        CriterionRow row = new CriterionRow(rows.size() + 1);
        rows.add(row);
        criteria.add(row);
        addCriterion.setEnabled(rows.size() < AuditFilter.MAX_CRITERIA);
    }

    private void removeRow(CriterionRow row) {
        rows.remove(row);
        criteria.remove(row);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).renumber(i + 1);
        }
        addCriterion.setEnabled(rows.size() < AuditFilter.MAX_CRITERIA);
    }

    private void runSearch() {
        rows.forEach(row -> row.input().setInvalid(false));
        from.setInvalid(false);
        to.setInvalid(false);
        message.setText("");
        List<AuditFilter.Criterion> given = new ArrayList<>();
        List<CriterionRow> used = new ArrayList<>();
        for (CriterionRow row : rows) {
            if (!row.isBlank()) {
                given.add(row.criterion());
                used.add(row);
            }
        }
        AuditFilter filter = new AuditFilter(mode, given, from.getValue(), to.getValue(), zone);
        try {
            filter.validate();
        } catch (AuditFilter.InvalidAuditFilter invalid) {
            shown = null;
            HasValidation target = switch (invalid.input()) {
                case "from" -> from;
                case "to" -> to;
                default ->
                    used.get(Math.min(
                                            used.size(),
                                            Integer.parseInt(invalid.input().substring(9)))
                                    - 1)
                            .input();
            };
            target.setErrorMessage(getTranslation(invalid.messageKey()));
            target.setInvalid(true);
            grid.getDataProvider().refreshAll();
            return;
        }
        shown = filter;
        grid.getDataProvider().refreshAll();
    }

    private void showVerification(AuditVerification result) {
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        if (result.intact()) {
            message.setText(getTranslation(
                    "audit.intact",
                    result.checked(),
                    result.sealedUpTo() == null ? "\u2013" : dateTime.format(result.sealedUpTo())));
            message.getElement().setAttribute("theme", "success");
        } else {
            message.setText(getTranslation(
                    "audit.broken." + result.problem().name(),
                    result.brokenEventId() == null
                            ? "\u2013"
                            : result.brokenEventId().toString(),
                    result.brokenAt() == null ? "\u2013" : dateTime.format(result.brokenAt()),
                    result.checked()));
            message.getElement().setAttribute("theme", "error");
        }
    }

    /** Opened from a debtor ({@code ?debtor=<debtor number>}), the log starts filtered to that debtor (AUD-2). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mode = event.getRouteParameters().get("mode").orElse("live").toUpperCase(Locale.ROOT);
        List<String> given =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("debtor", List.of());
        String debtorNumber = given.size() == 1 && given.getFirst().matches("[0-9]{1,18}") ? given.getFirst() : null;
        scope.setText(debtorNumber == null ? "" : getTranslation("audit.ofDebtor", debtorNumber));
        scope.setVisible(debtorNumber != null);
        if (debtorNumber != null) {
            rows.getFirst().set(AuditFilter.Field.DEBTOR_NUMBER, debtorNumber);
        }
        runSearch();
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.audit");
    }

    /** One criterion: what to compare and an input that fits it (text, or a choice of event types). */
    private final class CriterionRow extends HorizontalLayout {

        private final Select<AuditFilter.Field> field = new Select<>();
        private final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        private Component value;

        CriterionRow(int number) {
            setAlignItems(FlexComponent.Alignment.BASELINE);
            field.setItems(AuditFilter.Field.values());
            field.setItemLabelGenerator(f -> getTranslation("audit.field." + f.name()));
            field.setValue(
                    number == 1
                            ? AuditFilter.Field.USER
                            : number == 2 ? AuditFilter.Field.EVENT_TYPE : AuditFilter.Field.DEBTOR_NUMBER);
            field.addValueChangeListener(e -> replaceInput());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            remove.getElement().setAttribute("aria-label", getTranslation("search.removeCriterion"));
            remove.addClickListener(e -> removeRow(this));
            value = input(field.getValue());
            add(field, value, remove);
            renumber(number);
        }

        void renumber(int number) {
            field.setId("audit-criterion-field-" + number);
            value.setId("audit-criterion-value-" + number);
            remove.setId("audit-criterion-remove-" + number);
            field.setLabel(number == 1 ? getTranslation("search.category") : null);
            remove.setVisible(rows.size() > 1 || number > 1);
        }

        @SuppressWarnings("unchecked")
        void set(AuditFilter.Field to, String text) {
            field.setValue(to);
            ((HasValue<?, String>) value).setValue(text);
        }

        private void replaceInput() {
            Component next = input(field.getValue());
            next.setId(value.getId().orElse(""));
            replace(value, next);
            value = next;
        }

        private Component input(AuditFilter.Field f) {
            if (f == AuditFilter.Field.EVENT_TYPE) {
                Select<String> select = new Select<>();
                select.setItems(
                        Arrays.stream(AuditEventType.values()).map(Enum::name).toList());
                select.setItemLabelGenerator(n -> getTranslation("audit.event." + n));
                select.setValue(AuditEventType.values()[0].name());
                return select;
            }
            TextField text = new TextField();
            text.setPlaceholder(getTranslation("audit.field." + f.name()));
            text.setMaxLength(f.isNumber() ? 18 : 200);
            text.setClearButtonVisible(true);
            return text;
        }

        boolean isBlank() {
            Object v = ((HasValue<?, ?>) value).getValue();
            return v == null || v.toString().isBlank();
        }

        AuditFilter.Criterion criterion() {
            return new AuditFilter.Criterion(
                    field.getValue(), ((HasValue<?, ?>) value).getValue().toString());
        }

        HasValidation input() {
            return (HasValidation) value;
        }
    }
}
