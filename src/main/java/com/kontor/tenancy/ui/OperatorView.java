package com.kontor.tenancy.ui;

import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.MerchantOverview;
import com.kontor.tenancy.MerchantSettingsService;
import com.kontor.tenancy.NewMerchant;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.stream.Collectors;

/** The platform operator's view: merchants, portals, booked modules (ACC-1, ACC-5). No debtors, no money. */
@Route("operator/merchants")
@Menu(title = "nav.merchants", order = 5, icon = "vaadin:building")
@RolesAllowed(Role.Names.OPERATOR)
public class OperatorView extends VerticalLayout implements HasDynamicTitle {

    private final PlatformAdministration administration;
    private final Grid<MerchantOverview> grid = new Grid<>();

    public OperatorView(PlatformAdministration administration) {
        this.administration = administration;
        setSizeFull();
        Button create = new Button(getTranslation("merchant.new"), e -> openCreateDialog());
        create.setId("new-merchant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("merchant-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(MerchantOverview::name)
                .setHeader(getTranslation("merchant.name"))
                .setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.portals())).setHeader(getTranslation("merchant.portals"));
        grid.addColumn(m -> m.modules().stream()
                        .map(mod -> getTranslation("module." + mod.name()))
                        .sorted()
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("merchant.modules"));
        grid.addColumn(MerchantOverview::users).setHeader(getTranslation("merchant.users"));
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("nav.merchants")), create);
        top.setAlignItems(Alignment.BASELINE);
        add(top, grid);
        expand(grid);
        refresh();
    }

    private HorizontalLayout actions(MerchantOverview merchant) {
        Button portal = new Button(getTranslation("portal.new"), e -> openPortalDialog(merchant));
        Button modules = new Button(getTranslation("merchant.modules"), e -> openModulesDialog(merchant));
        for (Button b : new Button[] {portal, modules}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(portal, modules);
    }

    private void refresh() {
        grid.setItems(administration.merchants());
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog(getTranslation("merchant.new"));
        TextField name = new TextField(getTranslation("merchant.name"));
        name.setId("merchant-name-field");
        TextField portal = new TextField(getTranslation("merchant.firstPortal"));
        ComboBox<String> zone = new ComboBox<>(getTranslation("settings.timeZone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        Select<String> language = new Select<>();
        language.setLabel(getTranslation("settings.language"));
        language.setItems(MerchantSettingsService.LANGUAGES.stream().sorted().toList());
        Select<String> currency = new Select<>();
        currency.setLabel(getTranslation("settings.currency"));
        currency.setItems(MerchantSettingsService.CURRENCIES.stream().sorted().toList());
        CheckboxGroup<BookedModule> modules = moduleChoice();
        EmailField adminEmail = new EmailField(getTranslation("merchant.adminEmail"));
        adminEmail.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage(getTranslation("user.emailInvalid"))
                .setRequiredErrorMessage(getTranslation("user.emailRequired")));
        TextField adminName = new TextField(getTranslation("merchant.adminName"));
        PasswordField adminPassword = new PasswordField(getTranslation("user.initialPassword"));
        adminPassword.setHelperText(getTranslation("password.rules", 12));

        BeanValidationBinder<NewMerchant> binder = new BeanValidationBinder<>(NewMerchant.class);
        binder.forField(name).bind("name");
        binder.forField(portal).bind("firstPortalName");
        binder.forField(zone).bind("timeZone");
        binder.forField(language).bind("defaultLanguage");
        binder.forField(currency).bind("defaultCurrency");
        binder.forField(modules).bind("modules");
        binder.forField(adminEmail).bind("adminEmail");
        binder.forField(adminName).bind("adminName");
        binder.forField(adminPassword).bind("adminInitialPassword");
        NewMerchant form = new NewMerchant();
        binder.setBean(form);
        FieldErrors errors = new FieldErrors(this)
                .field("name", name)
                .field("timeZone", zone)
                .field("defaultLanguage", language)
                .field("defaultCurrency", currency)
                .field("adminEmail", adminEmail)
                .field("adminInitialPassword", adminPassword);
        Button save = new Button(getTranslation("common.save"), e -> {
            if (binder.validate().isOk()) {
                try {
                    administration.createMerchant(form);
                    dialog.close();
                    refresh();
                    FieldErrors.success(this, "merchant.created", form.getName());
                } catch (OperationRefused refused) {
                    errors.show(refused);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(
                new FormLayout(name, portal, zone, language, currency, modules, adminEmail, adminName, adminPassword));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openPortalDialog(MerchantOverview merchant) {
        Dialog dialog = new Dialog(getTranslation("portal.newFor", merchant.name()));
        TextField name = new TextField(getTranslation("portal.name"));
        name.setRequired(true);
        FieldErrors errors = new FieldErrors(this).field("portalName", name);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                administration.createPortal(merchant.id(), name.getValue());
                dialog.close();
                refresh();
            } catch (OperationRefused refused) {
                errors.show(refused);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openModulesDialog(MerchantOverview merchant) {
        Dialog dialog = new Dialog(getTranslation("merchant.modulesFor", merchant.name()));
        CheckboxGroup<BookedModule> modules = moduleChoice();
        modules.setValue(
                merchant.modules().isEmpty() ? EnumSet.noneOf(BookedModule.class) : EnumSet.copyOf(merchant.modules()));
        Button save = new Button(getTranslation("common.save"), e -> {
            administration.bookModules(merchant.id(), modules.getValue());
            dialog.close();
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(modules);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private CheckboxGroup<BookedModule> moduleChoice() {
        CheckboxGroup<BookedModule> modules = new CheckboxGroup<>(getTranslation("merchant.modules"));
        modules.setItems(BookedModule.values());
        modules.setItemLabelGenerator(m -> getTranslation("module." + m.name()));
        return modules;
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.merchants");
    }
}
