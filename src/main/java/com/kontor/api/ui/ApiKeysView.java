package com.kontor.api.ui;

import com.kontor.api.ApiKeySummary;
import com.kontor.api.ApiKeys;
import com.kontor.api.CreatedApiKey;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.PortalSummary;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** API keys of the current mode, per portal (API-1): create (the key is shown once), list, revoke. */
@Route(Mode.ROUTE_PREFIX + "admin/api-keys")
@Menu(title = "nav.apiKeys", order = 95, icon = "vaadin:key")
@RolesAllowed(Role.Names.ADMIN)
public class ApiKeysView extends VerticalLayout implements HasDynamicTitle {

    private final ApiKeys apiKeys;
    private final MerchantDirectory merchantDirectory;
    private final Grid<ApiKeySummary> grid = new Grid<>();

    public ApiKeysView(ApiKeys apiKeys, MerchantDirectory merchantDirectory) {
        this.apiKeys = apiKeys;
        this.merchantDirectory = merchantDirectory;
        setSizeFull();
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(merchantDirectory.requireCurrent().settings().timeZone());
        Button create = new Button(getTranslation("apiKey.new"), e -> openCreateDialog());
        create.setId("new-api-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("api-key-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ApiKeySummary::portalName)
                .setHeader(getTranslation("apiKey.portal"))
                .setAutoWidth(true);
        grid.addColumn(ApiKeySummary::name).setHeader(getTranslation("apiKey.name"));
        grid.addColumn(ApiKeySummary::hint)
                .setHeader(getTranslation("apiKey.key"))
                .setAutoWidth(true);
        grid.addColumn(k -> dateTime.format(k.createdAt()) + " · " + k.createdBy())
                .setHeader(getTranslation("apiKey.created"))
                .setAutoWidth(true);
        grid.addColumn(k -> k.revoked()
                        ? getTranslation("apiKey.revokedAt", dateTime.format(k.revokedAt()))
                        : getTranslation("apiKey.active"))
                .setHeader(getTranslation("apiKey.status"));
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("nav.apiKeys")), create);
        top.setAlignItems(Alignment.BASELINE);
        add(top, new Paragraph(getTranslation("apiKey.intro")), grid);
        expand(grid);
        refresh();
    }

    private Button revokeButton(ApiKeySummary key) {
        Button revoke = new Button(getTranslation("apiKey.revoke"), e -> confirmRevoke(key));
        revoke.setId("revoke-" + key.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setVisible(!key.revoked());
        return revoke;
    }

    private void refresh() {
        grid.setItems(apiKeys.list());
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog(getTranslation("apiKey.new"));
        Select<PortalSummary> portal = new Select<>();
        portal.setId("api-key-portal");
        portal.setLabel(getTranslation("apiKey.portal"));
        portal.setItems(merchantDirectory.requireCurrent().portals());
        portal.setItemLabelGenerator(PortalSummary::name);
        TextField name = new TextField(getTranslation("apiKey.name"));
        name.setId("api-key-name");
        name.setMaxLength(100);
        name.setHelperText(getTranslation("apiKey.nameHelp"));
        Button save = new Button(getTranslation("apiKey.create"), e -> {
            portal.setInvalid(false);
            name.setInvalid(false);
            if (portal.getValue() == null) {
                portal.setErrorMessage(getTranslation("apiKey.portalUnknown"));
                portal.setInvalid(true);
                return;
            }
            try {
                CreatedApiKey created = apiKeys.create(portal.getValue().id(), name.getValue());
                dialog.close();
                refresh();
                showOnce(created);
            } catch (OperationRefused refused) {
                TextField field = name;
                field.setErrorMessage(getTranslation(refused.messageKey()));
                field.setInvalid(true);
            }
        });
        save.setId("create-api-key");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(portal, name));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** The secret appears this once; Kontor keeps only its hash. */
    private void showOnce(CreatedApiKey created) {
        Dialog dialog = new Dialog(getTranslation("apiKey.createdTitle"));
        TextField secret = new TextField();
        secret.setId("new-api-key-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        Button close = new Button(getTranslation("apiKey.stored"), e -> dialog.close());
        close.setId("close-api-key-secret");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("apiKey.showOnce")), secret);
        dialog.getFooter().add(close);
        dialog.setWidth("40em");
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    private void confirmRevoke(ApiKeySummary key) {
        Dialog dialog = new Dialog(getTranslation("apiKey.revokeTitle", key.name()));
        Button revoke = new Button(getTranslation("apiKey.revoke"), e -> {
            apiKeys.revoke(key.id());
            dialog.close();
            refresh();
            Notification.show(getTranslation("apiKey.revoked"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        revoke.setId("confirm-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(new Paragraph(getTranslation("apiKey.revokeText", key.hint())));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), revoke);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.apiKeys");
    }
}
