package com.kontor.audit.ui;

import com.kontor.audit.AuditLog;
import com.kontor.audit.AuditRecord;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The merchant's audit log, newest first (AUD-1); opened from a debtor, only that debtor's records (AUD-2).
 * Further filters, CSV export and the tamper check follow in a later release. The audit module sits below tenancy, so this view names its route prefix and roles literally.
 */
@Route(":mode(live|test)/audit")
@Menu(title = "nav.audit", order = 60, icon = "vaadin:records")
@RolesAllowed({"SUPPORT", "FINANCE", "APPROVER", "AUDITOR", "ADMIN"})
public class AuditLogView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final AuditLog auditLog;
    private final Grid<AuditRecord> grid = new Grid<>();
    private final Paragraph scope = new Paragraph();
    private Long debtorNumber;

    public AuditLogView(AuditLog auditLog) {
        this.auditLog = auditLog;
        setSizeFull();
        // Times in the merchant's time zone (set by the portal's navigation guard), else UTC.
        Object zone = VaadinSession.getCurrent().getAttribute("kontor.timeZone");
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(zone instanceof String id ? ZoneId.of(id) : ZoneId.of("UTC"));
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> dateTime.format(r.occurredAt())).setHeader(getTranslation("audit.date")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditRecord::actorName).setHeader(getTranslation("audit.user")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.type().name()).setHeader(getTranslation("audit.type")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditRecord::debtorNumber).setHeader(getTranslation("audit.debtorNumber"))
                .setWidth("7em").setFlexGrow(0);
        grid.addColumn(AuditRecord::txid).setHeader(getTranslation("audit.txid")).setWidth("5em").setFlexGrow(0);
        grid.addColumn(AuditRecord::comment).setHeader(getTranslation("audit.comment")).setWidth("6em")
                .setFlexGrow(1);
        grid.addColumn(AuditRecord::detailsText).setHeader(getTranslation("audit.details")).setWidth("6em")
                .setFlexGrow(4)
                .setTooltipGenerator(AuditRecord::detailsText);
        grid.setItems(query -> (debtorNumber == null ? auditLog.newest(query.getOffset(), query.getLimit())
                : auditLog.newestOfDebtor(debtorNumber, query.getOffset(), query.getLimit())).stream());
        scope.setId("audit-scope");
        add(new H2(getTranslation("nav.audit")), scope, grid);
        expand(grid);
    }

    /** Opened from a debtor ({@code ?debtor=<debtor number>}), the log shows that debtor's records only (AUD-2). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> given = event.getLocation().getQueryParameters().getParameters().getOrDefault("debtor",
                List.of());
        debtorNumber = given.size() == 1 && given.getFirst().matches("[0-9]{1,18}") ? Long.valueOf(given.getFirst())
                : null;
        scope.setText(debtorNumber == null ? "" : getTranslation("audit.ofDebtor", debtorNumber.toString()));
        scope.setVisible(debtorNumber != null);
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.audit");
    }
}
