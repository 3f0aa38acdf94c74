package com.kontor.operation.ui;

import com.kontor.operation.Approvals;
import com.kontor.operation.Approvals.Approval;
import com.kontor.operation.PaymentRefused;
import com.kontor.operation.internal.ApprovalRequest;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Pending four-eyes approvals (OPS-6) of the current merchant and mode, from the portal and from the shop's API. An
 * APPROVER approves (the operation executes) or rejects with a reason; FINANCE and ADMIN see what waits. The service
 * decides again under the request's lock: nobody decides their own request, and a request is decided once.
 */
@Route(Mode.ROUTE_PREFIX + "approvals")
@Menu(title = "nav.approvals", order = 20, icon = "vaadin:check-square-o")
@RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE, Role.Names.ADMIN})
public class ApprovalsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Approvals approvals;
    private final boolean mayDecide;
    private final DateTimeFormatter dateTime;
    private final Grid<Approval> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final Grid<Approval> decided = new Grid<>();
    private final H3 decidedTitle = new H3();
    private String mode = "live";

    public ApprovalsView(Approvals approvals, MerchantDirectory merchantDirectory) {
        this.approvals = approvals;
        this.mayDecide = approvals.mayDecide();
        dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(merchantDirectory.requireCurrent().settings().timeZone());
        setWidthFull();

        grid.setId("approvals-grid");
        // every waiting request on one page, the page scrolls: a few at a time wait, and none may be overlooked
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // when and by whom in one column, so that the decision fits a 1280 px window without scrolling sideways
        grid.addComponentColumn(this::requested)
                .setHeader(getTranslation("approvals.requested"))
                .setWidth("11em")
                .setFlexGrow(1);
        grid.addColumn(a -> getTranslation("approvals.kind." + a.kind()))
                .setHeader(getTranslation("approvals.kind"))
                .setWidth("8em")
                .setFlexGrow(0);
        grid.addColumn(a -> a.amount().format(getLocale()))
                .setHeader(getTranslation("approvals.amount"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(this::processLink)
                .setHeader("TXID")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> a.debtorName() == null ? "" : a.debtorName())
                .setHeader(getTranslation("approvals.debtor"))
                .setWidth("9em")
                .setFlexGrow(1);
        grid.addColumn(a -> a.note() == null ? "" : a.note())
                .setHeader(getTranslation("approvals.note"))
                .setWidth("10em")
                .setFlexGrow(2);
        // the decision stays in view however narrow the window: an approver should not have to scroll for it
        grid.addComponentColumn(this::actions)
                .setHeader(getTranslation("approvals.decision"))
                .setWidth("12em")
                .setFlexGrow(0)
                .setFrozenToEnd(true);

        empty.setId("approvals-empty");
        empty.setText(getTranslation("approvals.empty"));
        empty.addClassName("kontor-muted");
        Paragraph intro =
                new Paragraph(getTranslation(mayDecide ? "approvals.intro.approver" : "approvals.intro.viewer"));
        decidedTitle.setText(getTranslation("approvals.decidedRecently"));
        decidedGrid();
        add(new H2(getTranslation("nav.approvals")), intro, empty, grid, decidedTitle, decided);
    }

    /** The ten requests decided last: who decided, and how it ended (paid, declined by the provider, rejected). */
    private void decidedGrid() {
        decided.setId("approvals-decided");
        decided.setAllRowsVisible(true);
        decided.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        decided.addColumn(a -> a.decidedAt() == null ? "" : dateTime.format(a.decidedAt()))
                .setHeader(getTranslation("approvals.decidedAt"))
                .setWidth("11em")
                .setFlexGrow(0);
        decided.addColumn(a -> getTranslation("approvals.kind." + a.kind()))
                .setHeader(getTranslation("approvals.kind"))
                .setWidth("8em")
                .setFlexGrow(0);
        decided.addColumn(a -> a.amount().format(getLocale()))
                .setHeader(getTranslation("approvals.amount"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        decided.addColumn(a -> Long.toString(a.txid()))
                .setHeader("TXID")
                .setAutoWidth(true)
                .setFlexGrow(0);
        decided.addColumn(a -> a.debtorName() == null ? "" : a.debtorName())
                .setHeader(getTranslation("approvals.debtor"))
                .setWidth("9em")
                .setFlexGrow(1);
        decided.addColumn(a -> getTranslation("approvals.decidedBy", nonNull(a.requestedBy()), nonNull(a.decidedBy())))
                .setHeader(getTranslation("approvals.people"))
                .setWidth("11em")
                .setFlexGrow(1);
        decided.addColumn(this::result)
                .setHeader(getTranslation("approvals.result"))
                .setWidth("12em")
                .setFlexGrow(2);
    }

    private String result(Approval a) {
        if (a.status() == ApprovalRequest.Status.REJECTED) {
            return getTranslation("approvals.result.rejected", nonNull(a.reason()));
        }
        String outcome = a.outcome();
        if (outcome != null && outcome.startsWith("DECLINED")) {
            return getTranslation(
                    "approvals.result.declined",
                    outcome.substring("DECLINED".length()).replaceFirst("^:\\s*", ""));
        }
        if ("PENDING_AT_PROVIDER".equals(outcome)) {
            return getTranslation("approvals.result.pendingAtProvider");
        }
        return getTranslation("approvals.result.approved");
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private Component requested(Approval a) {
        Span at = new Span(dateTime.format(a.requestedAt()));
        Span by = new Span(a.requestedBy() == null ? "" : a.requestedBy());
        by.addClassName("kontor-muted");
        by.getStyle().set("overflow-wrap", "anywhere");
        Div both = new Div(at, new Div(), by);
        both.getElement().setAttribute("title", getTranslation("approvals.requestedBy"));
        return both;
    }

    private Component processLink(Approval a) {
        if (a.debtorNumber() == null) {
            return new Span(Long.toString(a.txid()));
        }
        // operation may not depend on customer: the debtor view's route, ":mode/debtors/:debtorNumber/:txid"
        Anchor link = new Anchor(mode + "/debtors/" + a.debtorNumber() + "/" + a.txid(), Long.toString(a.txid()));
        link.setId("approval-txid-" + a.id());
        return link;
    }

    private Component actions(Approval a) {
        if (a.requestedByMe() || !mayDecide) {
            if (!a.requestedByMe()) {
                return new Span(getTranslation("approvals.waitsForApprover"));
            }
            Span own = new Span(getTranslation("approvals.ownRequest"));
            own.setId("approval-own-" + a.id());
            own.addClassName("kontor-muted");
            return own;
        }
        Button approve = new Button(getTranslation("approvals.approve"));
        approve.addClickListener(e -> confirmApproval(a, approve));
        approve.setDisableOnClick(true);
        approve.setId("approve-" + a.id());
        approve.setAriaLabel(getTranslation("approvals.approveOf", Long.toString(a.txid())));
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button(getTranslation("approvals.reject"));
        reject.addClickListener(e -> openReject(a, reject));
        reject.setDisableOnClick(true);
        reject.setId("reject-" + a.id());
        reject.setAriaLabel(getTranslation("approvals.rejectOf", Long.toString(a.txid())));
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout buttons = new HorizontalLayout(approve, reject);
        buttons.setSpacing(true);
        return buttons;
    }

    /** A dialog that gives the row's button back when it closes without a decision. */
    private static Dialog dialogFor(String title, Button opener) {
        Dialog dialog = new Dialog(title);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                opener.setEnabled(true);
            }
        });
        return dialog;
    }

    private void confirmApproval(Approval a, Button opener) {
        Dialog dialog = dialogFor(getTranslation("approvals.approveTitle"), opener);
        dialog.setId("approve-dialog");
        String amount = a.amount().format(getLocale());
        Paragraph question = new Paragraph(getTranslation("approvals.confirm." + a.kind(), amount));
        question.setId("approve-question");
        Paragraph who = new Paragraph(getTranslation(
                "approvals.confirmRequestedBy",
                a.requestedBy() == null ? "" : a.requestedBy(),
                Long.toString(a.txid())));
        who.addClassName("kontor-muted");
        Button yes = new Button(getTranslation("approvals.approve"), e -> {
            dialog.close();
            approve(a);
        });
        yes.setId("confirm-approve");
        yes.setDisableOnClick(true);
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        dialog.add(question, who);
        dialog.getFooter().add(cancel, yes);
        dialog.setWidth("34em");
        dialog.open();
    }

    private void approve(Approval a) {
        try {
            approvals.approve(a.id());
            String outcome = approvals.ofProcess(a.txid()).stream()
                    .filter(r -> r.id() == a.id())
                    .map(Approval::outcome)
                    .findFirst()
                    .orElse(null);
            if (outcome != null && outcome.startsWith("DECLINED")) {
                error(getTranslation(
                        "approvals.declined",
                        outcome.substring("DECLINED".length()).replaceFirst("^:\\s*", "")));
            } else {
                Notification.show(
                                getTranslation(
                                        "approvals.approved", a.amount().format(getLocale()), Long.toString(a.txid())),
                                4000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        } catch (OperationRefused refused) {
            error(getTranslation(refused.messageKey(), refused.arguments()));
        } catch (PaymentRefused refused) {
            error(getTranslation("approvals.paymentRefused." + refused.code().name()));
        }
        refresh();
    }

    private void openReject(Approval a, Button opener) {
        Dialog dialog = dialogFor(getTranslation("approvals.rejectTitle"), opener);
        dialog.setId("reject-dialog");
        Paragraph what = new Paragraph(getTranslation(
                "approvals.rejectWhat",
                getTranslation("approvals.kind." + a.kind()),
                a.amount().format(getLocale()),
                Long.toString(a.txid())));
        TextArea reason = new TextArea(getTranslation("approvals.reason"));
        reason.setId("reject-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(Approvals.MAX_REASON);
        reason.setWidthFull();
        reason.addValueChangeListener(e -> reason.setInvalid(false));
        Button confirm = new Button(getTranslation("approvals.reject"));
        confirm.setId("confirm-reject");
        confirm.setDisableOnClick(true);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            try {
                approvals.reject(a.id(), reason.getValue());
                dialog.close();
                Notification.show(
                        getTranslation("approvals.rejected", a.amount().format(getLocale()), Long.toString(a.txid())),
                        4000,
                        Notification.Position.BOTTOM_START);
                refresh();
            } catch (OperationRefused refused) {
                if ("reason".equals(refused.field())) {
                    reason.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
                    reason.setInvalid(true);
                    confirm.setEnabled(true);
                } else {
                    dialog.close();
                    error(getTranslation(refused.messageKey(), refused.arguments()));
                    refresh();
                }
            } catch (PaymentRefused refused) {
                dialog.close();
                error(getTranslation(
                        "approvals.paymentRefused." + refused.code().name()));
                refresh();
            }
        });
        dialog.add(what, reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.setWidth("34em");
        dialog.open();
        reason.focus();
    }

    private void error(String text) {
        Notification notification = Notification.show(text, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("approvals-message");
    }

    private void refresh() {
        List<Approval> pending = approvals.pending();
        grid.setItems(pending);
        grid.setVisible(!pending.isEmpty());
        empty.setVisible(pending.isEmpty());
        List<Approval> recently = approvals.decidedRecently();
        decided.setItems(recently);
        decided.setVisible(!recently.isEmpty());
        decidedTitle.setVisible(!recently.isEmpty());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mode = event.getRouteParameters().get(Mode.ROUTE_PARAMETER).orElse("live");
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.approvals");
    }
}
