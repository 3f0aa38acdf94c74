package com.kontor.audit.ui;

import com.kontor.audit.AuditLog;
import com.kontor.audit.AuditRecord;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The merchant's audit log, newest first (AUD-1). Filters, CSV export and the tamper check follow in a later
 * release. The audit module sits below tenancy, so this view names its route prefix and roles literally.
 */
@Route(":mode(live|test)/audit")
@Menu(title = "nav.audit", order = 60, icon = "vaadin:records")
@RolesAllowed({"SUPPORT", "FINANCE", "APPROVER", "AUDITOR", "ADMIN"})
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    public AuditLogView(AuditLog auditLog) {
        setSizeFull();
        // Times in the merchant's time zone (set by the portal's navigation guard), else UTC.
        Object zone = VaadinSession.getCurrent().getAttribute("kontor.timeZone");
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(zone instanceof String id ? ZoneId.of(id) : ZoneId.of("UTC"));
        Grid<AuditRecord> grid = new Grid<>();
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
        grid.setItems(query -> auditLog.newest(query.getOffset(), query.getLimit()).stream());
        add(new H2(getTranslation("nav.audit")), grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.audit");
    }
}
