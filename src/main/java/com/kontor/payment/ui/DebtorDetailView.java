package com.kontor.payment.ui;

import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.money.Money;
import com.kontor.payment.PaymentService;
import com.kontor.payment.PaymentView;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The detail view of a debtor (TX-6) at its own URL, with one of its processes selected ({@code .../<txid>}): on the
 * left the master data and the list of the debtor's processes, on the right the selected process with its status,
 * error reason, amounts and its event account (TX-4). A debtor of another merchant or mode is "not found".
 */
@Route(Mode.ROUTE_PREFIX + "debtors/:debtorNumber([0-9]{1,18})/:txid?([0-9]{1,18})")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.AUDITOR, Role.Names.ADMIN})
public class DebtorDetailView extends HorizontalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DebtorService debtors;
    private final PaymentService payments;
    private final com.kontor.payment.Comments comments;
    private final boolean mayComment;
    private final com.kontor.debtor.DebtorPaymentData paymentData;
    private final com.kontor.blacklist.Blacklist blacklist;
    private final com.kontor.tenancy.KontorUser user;
    private final MerchantDirectory merchantDirectory;
    private final jakarta.validation.Validator validator;
    private final ZoneId zone;
    private final TransactionTemplate readOnly;
    private String title = "";

    public DebtorDetailView(
            DebtorService debtors,
            PaymentService payments,
            com.kontor.payment.Comments comments,
            com.kontor.debtor.DebtorPaymentData paymentData,
            com.kontor.blacklist.Blacklist blacklist,
            com.kontor.tenancy.CurrentUser currentUser,
            MerchantDirectory merchantDirectory,
            jakarta.validation.Validator validator,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        this.validator = validator;
        this.debtors = debtors;
        this.paymentData = paymentData;
        this.blacklist = blacklist;
        this.merchantDirectory = merchantDirectory;
        this.payments = payments;
        this.comments = comments;
        this.user = currentUser.require();
        this.mayComment = user.hasRole(Role.SUPPORT)
                || user.hasRole(Role.FINANCE)
                || user.hasRole(Role.APPROVER)
                || user.hasRole(Role.ADMIN);
        this.zone = merchantDirectory.requireCurrent().settings().timeZone();
        setSizeFull();
        setId("debtor-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // one read-only transaction for everything the view reads: one connection and one commit, not one per read
        readOnly.executeWithoutResult(status -> show(event));
    }

    private void show(BeforeEnterEvent event) {
        String mode = event.getRouteParameters().get("mode").orElse("live");
        long number =
                Long.parseLong(event.getRouteParameters().get("debtorNumber").orElseThrow());
        Optional<DebtorDetails> found = debtors.detailsByNumber(number);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        DebtorDetails debtor = found.get();
        Optional<Long> wanted = event.getRouteParameters().get("txid").map(Long::parseLong);
        // the selected process with its bookings; the list of all the debtor's processes pages lazily
        Optional<PaymentView> selected = wanted.isPresent()
                ? payments.byTxid(wanted.get())
                        .filter(p -> Long.valueOf(debtor.id()).equals(p.debtorId()))
                : payments.processesOf(debtor.id(), 0, 1).stream().findFirst().flatMap(p -> payments.byTxid(p.txid()));
        if (wanted.isPresent() && selected.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = name(debtor.masterData());
        removeAll();
        com.vaadin.flow.component.button.Button account = new com.vaadin.flow.component.button.Button(
                getTranslation("detail.customerAccount"), e -> openCustomerAccount(debtor));
        account.setId("customer-account");
        Anchor audit =
                new Anchor("/" + mode + "/audit?debtor=" + debtor.debtorNumber(), getTranslation("detail.auditLog"));
        audit.setId("debtor-audit-log");
        com.vaadin.flow.component.button.Button history =
                new com.vaadin.flow.component.button.Button(getTranslation("detail.history"), e -> openHistory(debtor));
        history.setId("debtor-history");
        HorizontalLayout buttons = new HorizontalLayout(account, history, audit);
        if (user.hasRole(Role.SUPPORT) || user.hasRole(Role.ADMIN)) {
            com.vaadin.flow.component.button.Button edit = new com.vaadin.flow.component.button.Button(
                    getTranslation("edit.open"),
                    e -> new DebtorEditDialog(
                                    debtor,
                                    debtors,
                                    paymentData,
                                    validator,
                                    user.asActor(),
                                    () -> getUI().ifPresent(ui -> ui.getPage().reload()))
                            .open());
            edit.setId("edit-debtor");
            buttons.addComponentAsFirst(edit);
        }
        buttons.setAlignItems(Alignment.BASELINE);
        buttons.setWrap(true);
        if (mayComment) {
            com.vaadin.flow.component.button.Button comment = new com.vaadin.flow.component.button.Button(
                    getTranslation("comment.onDebtor"), e -> openComment(debtor.debtorNumber(), null));
            comment.setId("comment-debtor");
            buttons.add(comment);
        }
        VerticalLayout left = new VerticalLayout(
                masterData(debtor),
                buttons,
                new PaymentDataPanel(
                        debtor,
                        paymentData,
                        blacklist,
                        user,
                        merchantDirectory.requireCurrent().modules(),
                        () -> getUI().ifPresent(ui -> ui.getPage().reload())),
                processList(mode, debtor, selected.map(PaymentView::txid).orElse(null)));
        left.setWidth("34%");
        left.setMinWidth("22em");
        VerticalLayout right = new VerticalLayout();
        right.setId("process-panel");
        right.add(selected.<Component>map(this::processPanel)
                .orElseGet(() -> new Paragraph(getTranslation("detail.noProcess"))));
        if (mayComment && selected.isPresent()) {
            long txid = selected.get().txid();
            com.vaadin.flow.component.button.Button comment = new com.vaadin.flow.component.button.Button(
                    getTranslation("comment.onProcess"), e -> openComment(debtor.debtorNumber(), txid));
            comment.setId("comment-process");
            right.addComponentAtIndex(1, comment);
        }
        add(left, right);
        setFlexGrow(1, right);
    }

    private Component masterData(DebtorDetails d) {
        MasterData m = d.masterData();
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        H2 name = new H2(name(m));
        name.setId("debtor-name");
        box.add(name);
        box.add(line("detail.debtorNumber", Long.toString(d.debtorNumber()), "debtor-number"));
        box.add(line("detail.customerId", d.customerId(), "debtor-customer-id"));
        if (m.company() != null && m.lastName() != null) {
            box.add(line("detail.company", m.company(), "debtor-company"));
        }
        box.add(line(
                "detail.address",
                join(", ", m.street(), m.addressLine2(), join(" ", m.postcode(), m.city()), m.country()),
                "debtor-address"));
        box.add(line("detail.phone", m.phone(), "debtor-phone"));
        return box;
    }

    /** The debtor's processes, newest first, in a grid that loads the rows it shows (hundreds per debtor). */
    private Component processList(String mode, DebtorDetails debtor, Long selected) {
        int count = payments.countProcessesOf(debtor.id());
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("detail.processesCount", count)));
        box.setPadding(false);
        box.setSpacing(false);
        box.setId("process-list");
        if (count == 0) {
            box.add(new Span(getTranslation("detail.noProcess")));
            return box;
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        String base = "/" + mode + "/debtors/" + debtor.debtorNumber() + "/";
        Grid<PaymentView> grid = new Grid<>();
        grid.setId("process-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LitRenderer.<PaymentView>of("<a id=\"process-${item.txid}\" href=\"${item.href}\""
                                + " style=\"${item.selected ? 'font-weight: bold' : ''}\">${item.txid}</a>")
                        .withProperty("txid", PaymentView::txid)
                        .withProperty("href", p -> base + p.txid())
                        .withProperty("selected", p -> selected != null && selected == p.txid()))
                .setHeader("TXID")
                .setAutoWidth(true)
                .setFlexGrow(0);
        // the left column is narrow: what tells processes apart first (date, status, amount), the method last
        grid.addColumn(p -> date.format(p.createdAt()))
                .setHeader(getTranslation("account.date"))
                .setAutoWidth(true);
        grid.addColumn(p -> getTranslation("status." + p.status()))
                .setHeader(getTranslation("detail.status"))
                .setAutoWidth(true);
        grid.addColumn(p -> money(p.amount()))
                .setHeader(getTranslation("detail.amount"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(p -> getTranslation("method." + p.paymentMethod()))
                .setHeader(getTranslation("detail.method"))
                .setAutoWidth(true);
        grid.setItems(
                query -> payments.processesOf(debtor.id(), query.getOffset(), query.getLimit()).stream(),
                query -> count);
        if (count <= 8) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("19em");
        }
        box.add(grid);
        return box;
    }

    private Component processPanel(PaymentView p) {
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        H3 heading = new H3("TXID " + p.txid());
        heading.setId("process-txid");
        panel.add(heading);
        Span status = new Span(getTranslation("status." + p.status()));
        status.setId("process-status");
        status.getElement()
                .getThemeList()
                .add("badge"
                        + switch (p.status()) {
                            case OK -> " success";
                            case ERROR, EMPTY -> " error";
                            default -> "";
                        });
        panel.add(new HorizontalLayout(
                status,
                new Span(getTranslation("method." + p.paymentMethod())),
                new Span(getTranslation("dunning." + p.dunningStatus()))));
        if (p.errorCode() != null) {
            Paragraph error = new Paragraph(
                    getTranslation("detail.error", p.errorCode(), p.errorMessage() == null ? "" : p.errorMessage()));
            error.setId("process-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            panel.add(error);
        }
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        PaymentView.Amounts a = p.amounts();
        panel.add(
                line("detail.reference", p.reference(), "process-reference"),
                line("detail.providerReference", p.providerReference(), "process-provider-reference"),
                line("detail.createdAt", dateTime.format(p.createdAt()), "process-created"),
                line("detail.amount", money(p.amount()), "process-amount"),
                line(
                        "detail.receivable",
                        money(a.receivable()) + " (" + money(a.preauthorized()) + ")",
                        "process-receivable"),
                line("detail.paid", money(a.paid()), "process-paid"),
                line("detail.refunded", money(a.refunded()), "process-refunded"),
                line("detail.balance", money(a.balance()), "process-balance"));
        com.vaadin.flow.component.button.Button log = new com.vaadin.flow.component.button.Button(
                getTranslation("detail.providerLog"), e -> openProviderLog(p.txid()));
        log.setId("provider-log");
        panel.add(new H3(getTranslation("detail.account")), account(p), log);
        return panel;
    }

    /** The event account (TX-4): every booking with debit and credit, then the totals and the balance. */
    private Component account(PaymentView p) {
        Grid<PaymentView.BookingView> grid = new Grid<>();
        grid.setId("account-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(zone);
        grid.addColumn(b -> dateTime.format(b.bookedAt()))
                .setHeader(getTranslation("account.date"))
                .setAutoWidth(true);
        grid.addColumn(b -> p.txid()).setHeader("TXID").setAutoWidth(true);
        grid.addColumn(b -> getTranslation("booking." + b.type()))
                .setHeader(getTranslation("account.process"))
                .setAutoWidth(true);
        grid.addColumn(b -> getTranslation("receivable." + b.receivableType()))
                .setHeader(getTranslation("account.receivableType"))
                .setAutoWidth(true);
        long debit = p.bookings().stream().mapToLong(b -> b.debit().minor()).sum();
        long credit = p.bookings().stream().mapToLong(b -> b.credit().minor()).sum();
        grid.addColumn(b -> money(b.debit()))
                .setHeader(getTranslation("account.debit"))
                .setFooter(money(new Money(debit, p.amount().currency())))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(b -> money(b.credit()))
                .setHeader(getTranslation("account.credit"))
                .setFooter(money(new Money(credit, p.amount().currency())))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(b -> b.providerTxn() == null ? "" : b.providerTxn())
                .setHeader(getTranslation("account.providerTxn"))
                .setAutoWidth(true);
        grid.setItems(p.bookings());
        long balance = debit - credit;
        Paragraph total = new Paragraph(getTranslation(
                "account.balance",
                money(new Money(balance, p.amount().currency())),
                getTranslation(balance == 0 ? "account.settled" : balance > 0 ? "account.open" : "account.overpaid")));
        total.setId("account-balance");
        return new Div(grid, total);
    }

    /** DEB-5: every change of master and payment data: who, when, old and new value. */
    private void openHistory(DebtorDetails debtor) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog(
                getTranslation("detail.historyOf", name(debtor.masterData())));
        Grid<com.kontor.debtor.MasterDataChange> grid = new Grid<>();
        grid.setId("history-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        grid.addColumn(c -> dateTime.format(c.at()))
                .setHeader(getTranslation("account.date"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.actorName() == null ? c.actorType().name() : c.actorName())
                .setHeader(getTranslation("history.who"))
                .setAutoWidth(true);
        grid.addColumn(com.kontor.debtor.MasterDataChange::field)
                .setHeader(getTranslation("history.field"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.oldValue() == null ? "–" : c.oldValue())
                .setHeader(getTranslation("history.old"))
                .setFlexGrow(1);
        grid.addColumn(c -> c.newValue() == null ? "–" : c.newValue())
                .setHeader(getTranslation("history.new"))
                .setFlexGrow(1);
        List<com.kontor.debtor.MasterDataChange> changes = new ArrayList<>(debtors.history(debtor.id()));
        java.util.Collections.reverse(changes); // newest first
        grid.setItems(changes);
        dialog.add(grid);
        openWithClose(dialog, "70%", "history-close");
    }

    /** TX-8: what passed between Kontor and the provider about this process (no sensitive value is ever kept). */
    private void openProviderLog(long txid) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog(
                getTranslation("detail.providerLogOf", Long.toString(txid)));
        Grid<com.kontor.payment.ProviderExchange> grid = new Grid<>();
        grid.setId("provider-log-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        grid.addColumn(x -> dateTime.format(x.at()))
                .setHeader(getTranslation("account.date"))
                .setAutoWidth(true);
        grid.addColumn(com.kontor.payment.ProviderExchange::direction)
                .setHeader(getTranslation("providerLog.direction"))
                .setAutoWidth(true);
        grid.addColumn(com.kontor.payment.ProviderExchange::operation)
                .setHeader(getTranslation("providerLog.operation"))
                .setAutoWidth(true);
        grid.addColumn(x -> x.outcome() == null ? "" : x.outcome())
                .setHeader(getTranslation("providerLog.outcome"))
                .setAutoWidth(true);
        grid.addColumn(x -> x.providerReference() == null ? "" : x.providerReference())
                .setHeader(getTranslation("providerLog.reference"))
                .setAutoWidth(true);
        grid.addColumn(x -> x.detail() == null ? "" : x.detail())
                .setHeader(getTranslation("providerLog.detail"))
                .setFlexGrow(1);
        grid.setItems(payments.providerLog(txid));
        dialog.add(grid);
        openWithClose(dialog, "60%", "provider-log-close");
    }

    /** A wide list dialog (history, provider log, customer account) with its close button. */
    private void openWithClose(com.vaadin.flow.component.dialog.Dialog dialog, String height, String closeId) {
        dialog.setWidth("70em");
        dialog.setHeight(height);
        com.vaadin.flow.component.button.Button close =
                new com.vaadin.flow.component.button.Button(getTranslation("common.close"), e -> dialog.close());
        close.setId(closeId);
        dialog.getFooter().add(close);
        dialog.open();
    }

    /** AUD-4: a comment on the debtor or the selected process; it shows in the audit log. */
    private void openComment(long debtorNumber, Long txid) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog(
                getTranslation(txid == null ? "comment.onDebtor" : "comment.onProcess"));
        com.vaadin.flow.component.textfield.TextArea text =
                new com.vaadin.flow.component.textfield.TextArea(getTranslation("comment.text"));
        text.setId("comment-text");
        text.setMaxLength(com.kontor.payment.Comments.MAX_LENGTH);
        text.setWidthFull();
        com.vaadin.flow.component.button.Button save =
                new com.vaadin.flow.component.button.Button(getTranslation("comment.save"), e -> {
                    try {
                        comments.add(debtorNumber, txid, text.getValue());
                        dialog.close();
                        com.vaadin.flow.component.notification.Notification.show(
                                getTranslation("comment.saved"),
                                3000,
                                com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
                    } catch (com.kontor.tenancy.OperationRefused refused) {
                        text.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
                        text.setInvalid(true);
                    }
                });
        save.setId("comment-save");
        save.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        dialog.add(text);
        dialog.getFooter()
                .add(
                        new com.vaadin.flow.component.button.Button(
                                getTranslation("common.cancel"), e -> dialog.close()),
                        save);
        dialog.setWidth("36em");
        dialog.open();
    }

    /** TX-5: all bookings of all the debtor's processes, with totals and the balance per currency. */
    private void openCustomerAccount(DebtorDetails debtor) {
        List<PaymentService.AccountLine> lines = payments.customerAccount(debtor.id());
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog(
                getTranslation("detail.customerAccountOf", name(debtor.masterData())));
        Grid<PaymentService.AccountLine> grid = new Grid<>();
        grid.setId("customer-account-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(zone);
        grid.addColumn(l -> dateTime.format(l.booking().bookedAt()))
                .setHeader(getTranslation("account.date"))
                .setAutoWidth(true);
        grid.addColumn(PaymentService.AccountLine::txid).setHeader("TXID").setAutoWidth(true);
        grid.addColumn(l -> getTranslation("booking." + l.booking().type()))
                .setHeader(getTranslation("account.process"))
                .setAutoWidth(true);
        grid.addColumn(l -> getTranslation("receivable." + l.booking().receivableType()))
                .setHeader(getTranslation("account.receivableType"))
                .setAutoWidth(true);
        grid.addColumn(l -> money(l.booking().debit()))
                .setHeader(getTranslation("account.debit"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(l -> money(l.booking().credit()))
                .setHeader(getTranslation("account.credit"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(l -> l.booking().providerTxn() == null ? "" : l.booking().providerTxn())
                .setHeader(getTranslation("account.providerTxn"))
                .setAutoWidth(true);
        grid.setItems(lines);
        VerticalLayout totals = new VerticalLayout();
        totals.setPadding(false);
        totals.setId("customer-account-totals");
        java.util.Map<java.util.Currency, long[]> sums =
                new java.util.TreeMap<>(java.util.Comparator.comparing(java.util.Currency::getCurrencyCode));
        for (PaymentService.AccountLine l : lines) {
            long[] sum = sums.computeIfAbsent(l.booking().debit().currency(), c -> new long[2]);
            sum[0] += l.booking().debit().minor();
            sum[1] += l.booking().credit().minor();
        }
        sums.forEach((currency, sum) -> totals.add(new Span(getTranslation(
                "account.totals",
                money(new Money(sum[0], currency)),
                money(new Money(sum[1], currency)),
                money(new Money(sum[0] - sum[1], currency))))));
        dialog.add(grid, totals);
        openWithClose(dialog, "80%", "customer-account-close");
    }

    private Component line(String labelKey, String value, String id) {
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span text = new Span(value == null || value.isBlank() ? "–" : value);
        text.setId(id);
        return new Div(label, text);
    }

    private String money(Money money) {
        return money.format(getLocale());
    }

    private static String name(MasterData m) {
        String person = join(" ", m.salutation(), m.title(), m.firstName(), m.lastName());
        return m.lastName() == null ? m.company() : person;
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + title;
    }
}
