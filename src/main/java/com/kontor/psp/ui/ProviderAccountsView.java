package com.kontor.psp.ui;

import com.kontor.psp.ProviderAccountSummary;
import com.kontor.psp.ProviderAccounts;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/**
 * Provider accounts per portal of the current mode (PSP-5): the PAYONE portal id and notification key, the Adyen
 * merchant account and its HMAC key with rotation. Keys are write-only here: once saved they are never shown.
 */
@Route(Mode.ROUTE_PREFIX + "admin/providers")
@Menu(title = "nav.providers", order = 96, icon = "vaadin:connect")
@RolesAllowed(Role.Names.ADMIN)
public class ProviderAccountsView extends VerticalLayout implements HasDynamicTitle {

    private final ProviderAccounts accounts;
    private final DateTimeFormatter dateTime;
    private final Div portals = new Div();

    public ProviderAccountsView(ProviderAccounts accounts, MerchantDirectory merchantDirectory) {
        this.accounts = accounts;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(merchantDirectory.requireCurrent().settings().timeZone());
        add(new H2(getTranslation("nav.providers")), new Paragraph(getTranslation("provider.intro")), portals);
        refresh();
    }

    private void refresh() {
        portals.removeAll();
        accounts.list().forEach(account -> portals.add(portal(account)));
    }

    private Component portal(ProviderAccountSummary account) {
        long id = account.portalId();
        TextField payonePortal = new TextField(getTranslation("provider.payonePortalId"));
        payonePortal.setId("payone-portal-" + id);
        payonePortal.setValue(account.payonePortalId() == null ? "" : account.payonePortalId());
        PasswordField payoneKey = new PasswordField(getTranslation("provider.payoneKey"));
        payoneKey.setId("payone-key-" + id);
        payoneKey.setHelperText(getTranslation(account.payoneKeySet() ? "provider.keySet" : "provider.keyNotSet"));
        Button savePayone = new Button(
                getTranslation("provider.savePayone"),
                e -> act(
                        () -> accounts.setPayone(id, payonePortal.getValue().strip(), payoneKey.getValue()),
                        Map.of("payonePortalId", payonePortal, "payoneKey", payoneKey)));
        savePayone.setId("save-payone-" + id);

        TextField adyenAccount = new TextField(getTranslation("provider.adyenAccount"));
        adyenAccount.setId("adyen-account-" + id);
        adyenAccount.setValue(account.adyenMerchantAccount() == null ? "" : account.adyenMerchantAccount());
        Button saveAdyen = new Button(
                getTranslation("provider.saveAdyen"),
                e -> act(
                        () -> accounts.setAdyenMerchantAccount(
                                id, adyenAccount.getValue().strip()),
                        Map.of("adyenMerchantAccount", adyenAccount)));
        saveAdyen.setId("save-adyen-" + id);
        PasswordField hmacKey = new PasswordField(getTranslation("provider.newHmacKey"));
        hmacKey.setId("adyen-key-" + id);
        String keyState = !account.adyenKeySet()
                ? getTranslation("provider.keyNotSet")
                : account.adyenKeyRotatedAt() == null
                        ? getTranslation("provider.keySet")
                        : getTranslation(
                                account.previousKeyStillValid() ? "provider.rotatedGrace" : "provider.rotated",
                                dateTime.format(account.adyenKeyRotatedAt()));
        hmacKey.setHelperText(keyState);
        Button rotate = new Button(
                getTranslation("provider.rotate"),
                e -> act(
                        () -> accounts.rotateAdyenKey(id, hmacKey.getValue()),
                        Map.of("adyenHmacKey", hmacKey, "adyenMerchantAccount", adyenAccount)));
        rotate.setId("rotate-adyen-" + id);
        for (Button b : new Button[] {savePayone, saveAdyen, rotate}) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        }
        FormLayout form = new FormLayout(payonePortal, payoneKey, savePayone, adyenAccount, saveAdyen, hmacKey, rotate);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        form.setColspan(saveAdyen, 2);
        form.setColspan(rotate, 2);
        VerticalLayout box = new VerticalLayout(new H3(account.portalName()), form);
        box.setPadding(false);
        return box;
    }

    /** Runs a change; a refusal shows next to its field, success reloads the (keyless) form. */
    private void act(Runnable change, Map<String, com.vaadin.flow.component.HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            change.run();
            Notification.show(getTranslation("provider.saved"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (OperationRefused refused) {
            com.vaadin.flow.component.HasValidation field =
                    refused.field() == null ? null : fields.get(refused.field());
            if (field == null) {
                Notification.show(getTranslation(refused.messageKey()), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            field.setErrorMessage(getTranslation(refused.messageKey()));
            field.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.providers");
    }
}
