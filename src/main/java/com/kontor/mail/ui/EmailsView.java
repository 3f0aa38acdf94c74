package com.kontor.mail.ui;

import com.kontor.debtor.DebtorService;
import com.kontor.mail.EmailCopy;
import com.kontor.mail.EmailStatus;
import com.kontor.mail.MailQueries;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.RequiresModule;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The emails sent to debtors (DUN-7, DOC-4), newest first in a lazy grid: time, status, recipient (shown as is:
 * addresses are not secret like IBANs), subject, debtor, TXID, attempts and the last error; filtered by status; a
 * click opens the copy. For merchants who booked dunning or documents, the modules that send emails. In test mode it is the Outbox: nothing there ever leaves Kontor (ACC-3).
 */
@Route(Mode.ROUTE_PREFIX + "emails")
@Menu(title = "nav.emails", order = 45, icon = "vaadin:envelope-o")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.FINANCE, Role.Names.AUDITOR, Role.Names.ADMIN})
@RequiresModule({BookedModule.DUNNING, BookedModule.DOCUMENTS})
public class EmailsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final MailQueries queries;
    private final DebtorService debtors;
    private final EmailCopyDialog copies;
    private final H2 title = new H2();
    private final Paragraph hint = new Paragraph();
    private final Select<EmailStatus> status = new Select<>();
    private final Grid<EmailCopy> grid = new Grid<>();
    private final DateTimeFormatter time;
    /** Debtor numbers of the rows fetched so far (the copy names the debtor by id). */
    private final Map<Long, Optional<Long>> debtorNumbers = new HashMap<>();

    private Mode mode = Mode.LIVE;

    public EmailsView(MailQueries queries, DebtorService debtors, EmailCopyDialog copies) {
        this.queries = queries;
        this.debtors = debtors;
        this.copies = copies;
        time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(queries.timeZone());
        setSizeFull();
        title.setId("emails-title");
        hint.setId("emails-hint");
        hint.addClassName("kontor-search-message");
        status.setId("emails-status");
        status.setLabel(getTranslation("emails.col.status"));
        status.setItems(EmailStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("emails.allStatuses"));
        status.setItemLabelGenerator(
                s -> s == null ? getTranslation("emails.allStatuses") : getTranslation("emails.status." + s));
        status.setWidth("12em");
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(status);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(title, hint, filters, grid);
        expand(grid);
    }

    private void configureGrid() {
        grid.setId("emails-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addClassName("kontor-dense");
        grid.addColumn(c -> time.format(c.createdAt()))
                .setHeader(getTranslation("emails.col.created"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> getTranslation("emails.status." + c.status()))
                .setHeader(getTranslation("emails.col.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(EmailCopy::to)
                .setHeader(getTranslation("emails.col.to"))
                .setWidth("14em")
                .setTooltipGenerator(EmailCopy::to);
        grid.addColumn(EmailCopy::subject)
                .setHeader(getTranslation("emails.col.subject"))
                .setWidth("16em")
                .setFlexGrow(2)
                .setTooltipGenerator(EmailCopy::subject);
        grid.addComponentColumn(this::debtorLink)
                .setHeader(getTranslation("emails.col.debtor"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> c.txid() == null ? "" : Long.toString(c.txid()))
                .setHeader("TXID")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(EmailCopy::attempts)
                .setHeader(getTranslation("emails.col.attempts"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> c.lastError() == null ? "" : c.lastError())
                .setHeader(getTranslation("emails.col.lastError"))
                .setWidth("10em")
                .setTooltipGenerator(c -> c.lastError() == null ? "" : c.lastError());
        grid.setEmptyStateText(getTranslation("emails.none"));
        grid.setItems(query -> queries.page(status.getValue(), query.getOffset(), query.getLimit()).stream());
        grid.addItemClickListener(e -> copies.open(e.getItem().id(), grid.getDataProvider()::refreshAll));
    }

    /** The debtor's number, a link to the debtor's page (with the process selected where the email names one). */
    private Component debtorLink(EmailCopy copy) {
        if (copy.debtorId() == null) {
            return new Span();
        }
        Optional<Long> number = debtorNumbers.computeIfAbsent(copy.debtorId(), debtors::debtorNumber);
        if (number.isEmpty()) {
            return new Span();
        }
        String path = mode.urlSegment() + "/debtors/" + number.get() + (copy.txid() == null ? "" : "/" + copy.txid());
        Anchor anchor = new Anchor(path, Long.toString(number.get()));
        anchor.setId("email-debtor-" + copy.id());
        return anchor;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mode = event.getRouteParameters()
                .get(Mode.ROUTE_PARAMETER)
                .flatMap(Mode::fromUrlSegment)
                .orElse(Mode.LIVE);
        title.setText(getTranslation(mode == Mode.TEST ? "emails.outbox" : "nav.emails"));
        hint.setText(getTranslation(mode == Mode.TEST ? "emails.outboxHint" : "emails.hint"));
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation(mode == Mode.TEST ? "emails.outbox" : "nav.emails");
    }
}
