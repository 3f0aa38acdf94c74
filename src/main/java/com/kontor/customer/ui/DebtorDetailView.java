package com.kontor.customer.ui;

import com.kontor.audit.ui.AuditLogView;
import com.kontor.blacklist.Blacklist;
import com.kontor.customer.CustomerAccountQueries;
import com.kontor.customer.CustomerOverview;
import com.kontor.debtor.Comments;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorPaymentData;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.PaymentDataValidation;
import com.kontor.document.ui.DocumentActions;
import com.kontor.dunning.ui.DunningActions;
import com.kontor.ledger.ProcessDetails;
import com.kontor.operation.ui.MoneyDialogs;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The detail view of a debtor (TX-6) at its own URL, with one of its processes selected ({@code .../<txid>}): on the
 * left the master data, the buttons that open the debtor's lists and dialogs, the list of its processes and its
 * payment data; on the right the selected process ({@link ProcessPanel}). Everything shown is read in one read-only
 * transaction ({@link CustomerAccountQueries#overview}); a debtor of another merchant or mode is "not found".
 */
@Route(Mode.ROUTE_PREFIX + "debtors/:debtorNumber([0-9]{1,18})/:txid?([0-9]{1,18})")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.AUDITOR, Role.Names.ADMIN})
public class DebtorDetailView extends HorizontalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CustomerAccountQueries queries;
    private final DebtorService debtors;
    private final DebtorPaymentData paymentData;
    private final PaymentDataValidation validation;
    private final Comments comments;
    private final Blacklist blacklist;
    private final MoneyDialogs moneyDialogs;
    private final DocumentActions documents;
    private final DunningActions dunning;
    private final KontorUser user;
    private final boolean mayComment;
    private final boolean mayEdit;
    private final ZoneId zone;
    private String title = "";

    public DebtorDetailView(
            CustomerAccountQueries queries,
            DebtorService debtors,
            DebtorPaymentData paymentData,
            PaymentDataValidation validation,
            Comments comments,
            Blacklist blacklist,
            MoneyDialogs moneyDialogs,
            DocumentActions documents,
            DunningActions dunning,
            CurrentUser currentUser,
            MerchantDirectory merchants) {
        this.queries = queries;
        this.debtors = debtors;
        this.paymentData = paymentData;
        this.validation = validation;
        this.comments = comments;
        this.blacklist = blacklist;
        this.moneyDialogs = moneyDialogs;
        this.documents = documents;
        this.dunning = dunning;
        this.user = currentUser.require();
        this.mayComment = user.hasRole(Role.SUPPORT)
                || user.hasRole(Role.FINANCE)
                || user.hasRole(Role.APPROVER)
                || user.hasRole(Role.ADMIN);
        this.mayEdit = user.hasRole(Role.SUPPORT) || user.hasRole(Role.ADMIN);
        this.zone = merchants.requireCurrent().settings().timeZone();
        setSizeFull();
        setId("debtor-detail");
    }

    /** The route parameters of a debtor's view with one of its processes selected. */
    public static RouteParameters parameters(String mode, long debtorNumber, Long txid) {
        return txid == null
                ? new RouteParameters(Map.of("mode", mode, "debtorNumber", Long.toString(debtorNumber)))
                : new RouteParameters(
                        Map.of("mode", mode, "debtorNumber", Long.toString(debtorNumber), "txid", Long.toString(txid)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String mode = event.getRouteParameters().get("mode").orElse("live");
        long number =
                Long.parseLong(event.getRouteParameters().get("debtorNumber").orElseThrow());
        Optional<Long> txid = event.getRouteParameters().get("txid").map(Long::parseLong);
        Optional<CustomerOverview> found = queries.overview(number, txid);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(mode, found.get());
    }

    private void show(String mode, CustomerOverview overview) {
        DebtorDetails debtor = overview.debtor();
        title = debtor.masterData().displayName();
        removeAll();
        // the processes right under the buttons, to switch between them without scrolling; the payment data after
        VerticalLayout left = new VerticalLayout(
                new MasterDataPanel(debtor),
                debtorButtons(mode, debtor),
                new ProcessList(
                        mode,
                        debtor,
                        overview.processCount(),
                        overview.selected().map(ProcessDetails::txid).orElse(null),
                        queries,
                        zone),
                new PaymentDataPanel(
                        overview, blacklist, mayEdit, this::reload, documents.mandates(debtor.id(), mode)));
        left.setWidth("34%");
        left.setMinWidth("22em");
        VerticalLayout right = new VerticalLayout();
        right.setId("process-panel");
        // a flex item is as wide as its content by default: the event account would push the page sideways
        right.setMinWidth("0");
        right.add(overview.selected()
                .<Component>map(p -> {
                    MoneyDialogs.ForProcess money = moneyDialogs.forProcess(p.txid(), this::reload);
                    return new ProcessPanel(
                            p,
                            zone,
                            () -> new ProviderLogDialog(p.txid(), queries.providerLog(p.txid()), zone).open(),
                            documents.processDocumentsButton(p.txid(), mode),
                            money.approvals(),
                            processButtons(mode, debtor, p, money.buttons()));
                })
                .orElseGet(() -> new Paragraph(getTranslation("detail.noProcess"))));
        add(left, right);
        setFlexGrow(1, right);
    }

    /** Edit (SUPPORT, ADMIN), customer account, history, audit log, comment: what opens from the debtor (TX-6). */
    private Component debtorButtons(String mode, DebtorDetails debtor) {
        String name = debtor.masterData().displayName();
        List<Component> buttons = new ArrayList<>();
        if (mayEdit) {
            buttons.add(button(
                    "edit.open",
                    "edit-debtor",
                    () -> new DebtorEditDialog(debtor, debtors, paymentData, validation, user.asActor(), this::reload)
                            .open()));
        }
        buttons.add(button(
                "detail.customerAccount",
                "customer-account",
                () -> new CustomerAccountDialog(name, queries.customerAccount(debtor.id()), zone).open()));
        buttons.add(button(
                "detail.history",
                "debtor-history",
                () -> new HistoryDialog(name, queries.history(debtor.id()), zone).open()));
        RouterLink audit = new RouterLink(
                getTranslation("detail.auditLog"), AuditLogView.class, new RouteParameters("mode", mode));
        audit.setQueryParameters(QueryParameters.of("debtor", Long.toString(debtor.debtorNumber())));
        audit.setId("debtor-audit-log");
        buttons.add(audit);
        // DOC-3: the debtor's documents (absent without the DOCUMENTS module or a role that reads them)
        documents.debtorDocumentsButton(debtor.id(), name, mode).ifPresent(buttons::add);
        // DUN-4, DUN-6: the debtor's dunning list and blocks (absent without the DUNNING module or a role that reads
        // it)
        dunning.debtorDunningButton(
                        debtor.id(),
                        name,
                        mode,
                        txid -> getUI().ifPresent(ui ->
                                ui.navigate(DebtorDetailView.class, parameters(mode, debtor.debtorNumber(), txid))))
                .ifPresent(buttons::add);
        if (mayComment) {
            // "Comment" on the button, the whole name for screen readers and in the dialog: the debtor's buttons keep
            // to two rows of the narrow column, so that its processes stay in view
            Button comment = button(
                    "comment.button",
                    "comment-debtor",
                    () -> new CommentDialog(comments, debtor.debtorNumber(), null).open());
            comment.setAriaLabel(getTranslation("comment.onDebtor"));
            buttons.add(comment);
        }
        HorizontalLayout row = new HorizontalLayout(buttons.toArray(Component[]::new));
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** The actions of the process panel that fit the process and the user (TX-6). */
    private Component[] processButtons(
            String mode, DebtorDetails debtor, ProcessDetails process, List<Component> money) {
        List<Component> buttons = new ArrayList<>(money);
        if (mayComment) {
            buttons.add(button(
                    "comment.onProcess",
                    "comment-process",
                    () -> new CommentDialog(comments, debtor.debtorNumber(), process.txid()).open()));
        }
        // DOC-2: an invoice on demand (FINANCE, ADMIN, DOCUMENTS booked, the process has none yet)
        documents.issueInvoiceButton(process, this::reload).ifPresent(buttons::add);
        // DUN-5, DUN-6: the process's dunning steps, a level by hand, the next notice and its blocks
        dunning.processDunningButton(process.txid(), mode, this::reload).ifPresent(buttons::add);
        return buttons.toArray(Component[]::new);
    }

    private Button button(String labelKey, String id, Runnable action) {
        Button button = new Button(getTranslation(labelKey), e -> action.run());
        // small: the debtor's five buttons take two rows of the narrow column, not three, above its processes
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId(id);
        return button;
    }

    private void reload() {
        getUI().ifPresent(ui -> ui.getPage().reload());
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + title;
    }
}
