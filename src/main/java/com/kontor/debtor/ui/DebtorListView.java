package com.kontor.debtor.ui;

import com.kontor.debtor.DebtorService;
import com.kontor.debtor.DebtorSummary;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The debtors of the current merchant in the mode of the URL, newest first, loaded page by page. The search of
 * SRCH-1..4 replaces this list in a later release.
 */
@Route(Mode.ROUTE_PREFIX + "debtors")
@Menu(title = "nav.debtors", order = 10, icon = "vaadin:users")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.AUDITOR, Role.Names.ADMIN})
public class DebtorListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DebtorService debtorService;
    private final Paragraph count = new Paragraph();
    private final Grid<DebtorSummary> grid = new Grid<>();

    public DebtorListView(DebtorService debtorService, MerchantDirectory merchantDirectory) {
        this.debtorService = debtorService;
        setSizeFull();
        count.setId("debtor-count");
        ZoneId zone = merchantDirectory.requireCurrent().settings().timeZone();
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(zone);
        grid.setId("debtor-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(DebtorSummary::debtorNumber).setHeader(getTranslation("debtor.number")).setAutoWidth(true);
        grid.addColumn(DebtorSummary::customerId).setHeader(getTranslation("debtor.customerId")).setAutoWidth(true);
        grid.addColumn(d -> join(d.lastName(), d.firstName())).setHeader(getTranslation("debtor.name"));
        grid.addColumn(DebtorSummary::company).setHeader(getTranslation("debtor.company"));
        grid.addColumn(DebtorSummary::city).setHeader(getTranslation("debtor.city"));
        grid.addColumn(d -> dateTime.format(d.createdAt())).setHeader(getTranslation("debtor.createdAt"));
        grid.setItems(query -> debtorService.page(query.getOffset(), query.getLimit()).stream());
        add(new H2(getTranslation("nav.debtors")), count, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        count.setText(getTranslation("debtor.count", debtorService.count()));
    }

    private static String join(String last, String first) {
        if (last == null) {
            return first == null ? "" : first;
        }
        return first == null ? last : last + ", " + first;
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.debtors");
    }
}
