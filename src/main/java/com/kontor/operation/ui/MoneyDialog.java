package com.kontor.operation.ui;

import com.kontor.money.Money;
import com.kontor.operation.PaymentRefused;
import com.kontor.operation.RefundOutcome;
import com.kontor.tenancy.OperationRefused;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the money dialogs of the process panel share: amount fields that show the maximum and refuse more next to
 * the field, one confirm button that disables itself on click (a double click runs nothing twice), and a service's
 * refusal shown next to the field it names or as a message.
 */
abstract class MoneyDialog extends Dialog {

    protected final Currency currency;
    private final Runnable afterwards;
    private final Map<String, HasValidation> fields = new HashMap<>();
    protected final Button confirm;

    MoneyDialog(String titleKey, String id, Currency currency, Runnable afterwards) {
        this.currency = currency;
        this.afterwards = afterwards;
        setId(id);
        setHeaderTitle(getTranslation(titleKey));
        setWidth("40em");
        setMaxWidth("95vw");
        confirm = new Button(getTranslation("money.confirm"));
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> submit());
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId(id + "-cancel");
        getFooter().add(cancel, confirm);
    }

    /** Runs the operation; answers normally when done (the dialog closes), throws a refusal otherwise. */
    protected abstract void run();

    /** Checks the inputs before the service is asked; false (with messages next to the fields) stops. */
    protected abstract boolean valid();

    private void submit() {
        try {
            if (valid()) {
                run();
                close();
                afterwards.run();
                return;
            }
        } catch (OperationRefused refused) {
            show(refused.field(), getTranslation(refused.messageKey(), refused.arguments()));
            if ("operation.stale".equals(refused.messageKey())) {
                close();
                afterwards.run();
            }
        } catch (PaymentRefused refused) {
            show(
                    refused.code() == PaymentRefused.Code.AMOUNT_EXCEEDS_LIMIT ? "amount" : null,
                    getTranslation("money.refused." + refused.code()));
        } catch (AccessDeniedException denied) {
            show(null, getTranslation("money.forbidden"));
        }
        confirm.setEnabled(true);
    }

    /** A field the services may name in a refusal. */
    protected void field(String name, HasValidation field) {
        fields.put(name, field);
    }

    protected void show(String field, String message) {
        HasValidation target = field == null ? null : fields.get(field);
        if (target != null) {
            target.setErrorMessage(message);
            target.setInvalid(true);
        } else {
            Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** An amount field in the process's currency with the maximum as its helper text. */
    protected BigDecimalField amountField(String labelKey, String id, Money max) {
        BigDecimalField field = new BigDecimalField(getTranslation(labelKey));
        field.setId(id);
        field.setSuffixComponent(new Span(currency.getCurrencyCode()));
        field.setValueChangeMode(ValueChangeMode.EAGER);
        if (max != null) {
            field.setHelperText(getTranslation("money.maximum", max.format(getLocale())));
        }
        field.setWidthFull();
        return field;
    }

    /**
     * The field's amount when it is one of this currency from 0.01 (or 0 when {@code zeroAllowed}) up to {@code
     * max}; otherwise the field says what is wrong and the answer is empty.
     */
    protected Optional<Money> amount(BigDecimalField field, Money max, boolean zeroAllowed) {
        BigDecimal value = field.getValue();
        if (value == null || field.isEmpty()) {
            if (zeroAllowed) {
                return Optional.of(Money.zero(currency));
            }
            return invalid(field, getTranslation("money.amountRequired"));
        }
        Money money;
        try {
            money = Money.ofMajor(value, currency);
        } catch (IllegalArgumentException tooManyDecimals) {
            return invalid(field, getTranslation("money.decimals", currency.getDefaultFractionDigits()));
        }
        if (money.minor() < 0 || money.minor() == 0 && !zeroAllowed) {
            return invalid(field, getTranslation("money.positive"));
        }
        if (max != null && money.minor() > max.minor()) {
            return invalid(field, getTranslation("money.aboveMaximum", max.format(getLocale())));
        }
        field.setInvalid(false);
        return Optional.of(money);
    }

    private static <T> Optional<T> invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return Optional.empty();
    }

    /** Says how an operation that may wait for approval ended. */
    protected void report(RefundOutcome outcome, String doneKey) {
        if (outcome instanceof RefundOutcome.PendingApproval pending) {
            Notification n = Notification.show(
                    getTranslation("money.pending", pending.amount().format(getLocale())),
                    8000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        } else {
            success(doneKey);
        }
    }

    protected void success(String key) {
        Notification n = Notification.show(getTranslation(key), 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    protected String format(long minor) {
        return new Money(minor, currency).format(getLocale());
    }
}
