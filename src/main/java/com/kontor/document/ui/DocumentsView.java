package com.kontor.document.ui;

import com.kontor.document.DocumentQueries;
import com.kontor.document.DocumentRow;
import com.kontor.document.DocumentSearch;
import com.kontor.document.DocumentType;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.RequiresModule;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
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
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Stream;

/**
 * Invoices, credit notes, dunning letters and mandates of the merchant (DOC-3): searched by the start of a number, a
 * debtor number, a type and a range of issue dates; a lazy grid of at most {@link DocumentQueries#LIMIT} documents,
 * newest first, each with its debtor and process (a link to the debtor's page with the process selected) and a
 * download of the PDF as issued.
 */
@Route(Mode.ROUTE_PREFIX + "documents")
@Menu(title = "nav.documents", order = 40, icon = "vaadin:file-text-o")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.AUDITOR, Role.Names.ADMIN})
@RequiresModule(BookedModule.DOCUMENTS)
public class DocumentsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DocumentQueries queries;
    private final DocumentLinks links;
    private final TextField number = new TextField();
    private final TextField debtorNumber = new TextField();
    private final Select<DocumentType> type = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Paragraph message = new Paragraph();
    private final Grid<DocumentRow> grid = new Grid<>();
    private final DateTimeFormatter date;
    private Mode mode = Mode.LIVE;
    private DocumentSearch search;

    public DocumentsView(DocumentQueries queries, DocumentLinks links) {
        this.queries = queries;
        this.links = links;
        date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(queries.timeZone());
        setSizeFull();

        number.setId("documents-number");
        number.setLabel(getTranslation("documents.search.number"));
        number.setMaxLength(40);
        number.setClearButtonVisible(true);
        debtorNumber.setId("documents-debtor");
        debtorNumber.setLabel(getTranslation("documents.search.debtor"));
        debtorNumber.setMaxLength(18);
        debtorNumber.setClearButtonVisible(true);
        type.setId("documents-type");
        type.setLabel(getTranslation("documents.search.type"));
        type.setItems(DocumentType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("documents.search.allTypes"));
        type.setItemLabelGenerator(t -> t == null ? getTranslation("documents.search.allTypes") : label(t));
        from.setId("documents-from");
        from.setLabel(getTranslation("search.from"));
        from.setLocale(getLocale());
        to.setId("documents-to");
        to.setLabel(getTranslation("search.to"));
        to.setLocale(getLocale());
        Button run = new Button(getTranslation("search.run"), VaadinIcon.SEARCH.create(), e -> runSearch());
        run.setId("documents-search");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickShortcut(Key.ENTER);
        // one row with its button at 1,280 px: each field as wide as what it takes
        number.setWidth("11em");
        debtorNumber.setWidth("9em");
        type.setWidth("10em");
        from.setWidth("9.5em");
        to.setWidth("9.5em");
        HorizontalLayout fields = new HorizontalLayout(number, debtorNumber, type, from, to, run);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);

        message.setId("documents-message");
        message.addClassName("kontor-search-message");
        message.setText(getTranslation("documents.hint"));
        configureGrid();
        add(new H2(getTranslation("nav.documents")), fields, message, grid);
        expand(grid);
    }

    private void configureGrid() {
        grid.setId("documents-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addClassName("kontor-dense");
        grid.addColumn(DocumentRow::number)
                .setHeader(getTranslation("documents.col.number"))
                .setAutoWidth(true);
        grid.addColumn(r -> label(r.type()))
                .setHeader(getTranslation("documents.col.type"))
                .setAutoWidth(true);
        grid.addColumn(r -> date.format(r.issuedAt()))
                .setHeader(getTranslation("documents.col.date"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.debtorName() == null ? "" : r.debtorName() + " (" + r.debtorNumber() + ")")
                .setHeader(getTranslation("documents.col.debtor"))
                .setWidth("12em")
                .setFlexGrow(1)
                .setTooltipGenerator(r -> r.debtorName() == null ? "" : r.debtorName());
        grid.addComponentColumn(this::processLink).setHeader("TXID").setAutoWidth(true);
        grid.addColumn(r -> getTranslation("documents.language." + r.language()))
                .setHeader(getTranslation("documents.col.language"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> links.dispatch(r.number()))
                .setHeader(getTranslation("documents.col.dispatch"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> links.download(r.number(), mode, getTranslation("documents.download")))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("documents.none"));
        grid.setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit();
            return search == null ? Stream.empty() : queries.search(search, offset, limit).stream();
        });
    }

    /** The TXID opens the debtor's page with this process selected (the route of the customer module's view). */
    private Div processLink(DocumentRow row) {
        if (row.debtorNumber() == null) {
            return new Div(Long.toString(row.txid()));
        }
        Anchor anchor = new Anchor(
                mode.urlSegment() + "/debtors/" + row.debtorNumber() + "/" + row.txid(), Long.toString(row.txid()));
        anchor.setId("txid-" + row.number());
        return new Div(anchor);
    }

    private String label(DocumentType t) {
        return getTranslation("documents.type." + t.name());
    }

    private void runSearch() {
        number.setInvalid(false);
        debtorNumber.setInvalid(false);
        to.setInvalid(false);
        message.getElement().removeAttribute("theme");
        Long debtor = null;
        String typed = debtorNumber.getValue().strip();
        if (!typed.isEmpty()) {
            if (!typed.matches("[0-9]{1,18}")) {
                search = null;
                debtorNumber.setErrorMessage(getTranslation("documents.search.debtorDigits"));
                debtorNumber.setInvalid(true);
                grid.getDataProvider().refreshAll();
                return;
            }
            debtor = Long.parseLong(typed);
        }
        DocumentSearch next =
                new DocumentSearch(number.getValue(), debtor, type.getValue(), from.getValue(), to.getValue());
        try {
            boolean tooMany = queries.exceedsLimit(next);
            search = tooMany ? null : next;
            if (tooMany) {
                message.setText(getTranslation("documents.tooMany", DocumentQueries.LIMIT));
                message.getElement().setAttribute("theme", "error");
            } else {
                message.setText(queries.search(next, 0, 1).isEmpty() ? getTranslation("documents.noneFound") : "");
            }
        } catch (OperationRefused refused) {
            search = null;
            to.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
            to.setInvalid(true);
        }
        grid.getDataProvider().refreshAll();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mode = event.getRouteParameters()
                .get(Mode.ROUTE_PARAMETER)
                .flatMap(Mode::fromUrlSegment)
                .orElse(Mode.LIVE);
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.documents");
    }
}
