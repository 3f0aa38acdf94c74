package com.kontor.psp.ui;

import com.kontor.money.Money;
import com.kontor.psp.internal.NotificationReview;
import com.kontor.psp.internal.ReviewItem;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;

/** Provider notifications waiting for a person (PSP-3): book again or dismiss with a note. */
@Route(Mode.ROUTE_PREFIX + "notifications/review")
@Menu(title = "nav.notificationReview", order = 60, icon = "vaadin:bell")
@RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
public class NotificationReviewView extends VerticalLayout implements HasDynamicTitle {

    private final NotificationReview review;
    private final Grid<ReviewItem> grid = new Grid<>();

    public NotificationReviewView(NotificationReview review, MerchantDirectory merchantDirectory) {
        this.review = review;
        setSizeFull();
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(merchantDirectory.requireCurrent().settings().timeZone());
        grid.setId("review-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> dateTime.format(r.receivedAt()))
                .setHeader(getTranslation("review.received"))
                .setAutoWidth(true);
        grid.addColumn(ReviewItem::format)
                .setHeader(getTranslation("review.format"))
                .setAutoWidth(true);
        grid.addColumn(ReviewItem::event)
                .setHeader(getTranslation("review.event"))
                .setAutoWidth(true);
        grid.addColumn(ReviewItem::providerReference)
                .setHeader(getTranslation("review.reference"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.amount() == null || r.currency() == null
                        ? ""
                        : new Money(r.amount(), Currency.getInstance(r.currency())).format(getLocale()))
                .setHeader(getTranslation("review.amount"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.txid() == null ? "" : r.txid().toString())
                .setHeader("TXID")
                .setAutoWidth(true);
        grid.addColumn(r -> ReviewReasons.text(r.reason(), this::getTranslation))
                .setHeader(getTranslation("review.reason"))
                .setFlexGrow(1);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        add(new H2(getTranslation("nav.notificationReview")), new Paragraph(getTranslation("review.intro")), grid);
        expand(grid);
        refresh();
    }

    private HorizontalLayout actions(ReviewItem item) {
        Button retry = new Button(getTranslation("review.retry"), e -> {
            review.retry(item.id());
            refresh();
        });
        retry.setId("retry-" + item.id());
        // which notification a button acts on, for a screen reader (and a test) that sees the button alone
        retry.setAriaLabel(getTranslation("review.retryOf", item.providerReference()));
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button dismiss = new Button(getTranslation("review.dismiss"), e -> openDismiss(item));
        dismiss.setId("dismiss-" + item.id());
        dismiss.setAriaLabel(getTranslation("review.dismissOf", item.providerReference()));
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(retry, dismiss);
    }

    private void openDismiss(ReviewItem item) {
        Dialog dialog = new Dialog(getTranslation("review.dismissTitle"));
        TextField note = new TextField(getTranslation("review.note"));
        note.setId("dismiss-note");
        note.setMaxLength(200);
        note.setWidthFull();
        Button confirm = new Button(getTranslation("review.dismiss"), e -> {
            try {
                review.dismiss(item.id(), note.getValue());
                dialog.close();
                refresh();
            } catch (OperationRefused refused) {
                note.setErrorMessage(getTranslation(refused.messageKey()));
                note.setInvalid(true);
            }
        });
        confirm.setId("confirm-dismiss");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(note);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.setWidth("32em");
        dialog.open();
    }

    private void refresh() {
        grid.setItems(review.list());
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.notificationReview");
    }
}
