package com.kontor.tenancy.ui;

import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.NewUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.UserAdministration;
import com.kontor.tenancy.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The merchant admin's users (ACC-2, ACC-4): list, create, roles and approval limit, lock and unlock. */
@Route(Mode.ROUTE_PREFIX + "admin/users")
@Menu(title = "nav.administration", order = 90, icon = "vaadin:cog")
@RolesAllowed(Role.Names.ADMIN)
public class UserAdminView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final UserAdministration administration;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchantDirectory;
    private final Grid<UserSummary> grid = new Grid<>();
    private final HorizontalLayout top = new HorizontalLayout();

    public UserAdminView(
            UserAdministration administration, CurrentUser currentUser, MerchantDirectory merchantDirectory) {
        this.administration = administration;
        this.currentUser = currentUser;
        this.merchantDirectory = merchantDirectory;
        setSizeFull();
        Button create = new Button(getTranslation("user.new"), e -> openCreateDialog());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("user-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserSummary::email)
                .setHeader(getTranslation("user.email"))
                .setAutoWidth(true);
        grid.addColumn(UserSummary::displayName)
                .setHeader(getTranslation("user.name"))
                .setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream()
                        .map(r -> getTranslation("role." + r.name()))
                        .sorted()
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("user.roles"));
        grid.addColumn(u -> u.approvalLimit().format(getLocale())).setHeader(getTranslation("user.approvalLimit"));
        grid.addColumn(this::status).setHeader(getTranslation("user.status"));
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        top.setWidthFull();
        top.setAlignItems(Alignment.BASELINE);
        add(top, grid);
        expand(grid);
        top.add(new H2(getTranslation("nav.administration")), create);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String mode = event.getRouteParameters().get("mode").orElse("live");
        top.getChildren().filter(AdminTabs.class::isInstance).findFirst().ifPresent(top::remove);
        top.addComponentAtIndex(1, new AdminTabs(mode));
    }

    private String status(UserSummary u) {
        if (u.locked()) {
            return getTranslation("user.locked");
        }
        return u.mustChangePassword() ? getTranslation("user.mustChangePassword") : getTranslation("user.active");
    }

    private HorizontalLayout actions(UserSummary u) {
        boolean self = u.id() == currentUser.require().userId();
        Button edit = new Button(getTranslation("user.edit"), e -> openEditDialog(u));
        edit.setId("edit-" + u.email());
        Button lock = new Button(getTranslation(u.locked() ? "user.unlock" : "user.lock"), e -> {
            try {
                administration.setLocked(u.id(), !u.locked());
                refresh();
            } catch (OperationRefused refused) {
                new FieldErrors(this).show(refused);
            }
        });
        lock.setId((u.locked() ? "unlock-" : "lock-") + u.email());
        for (Button b : new Button[] {edit, lock}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.setEnabled(!self); // nobody changes their own roles, limit or lock; the service refuses it too
        }
        return new HorizontalLayout(edit, lock);
    }

    private void refresh() {
        grid.setItems(administration.users());
    }

    private Currency currency() {
        return merchantDirectory.requireCurrent().settings().defaultCurrency();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog(getTranslation("user.new"));
        dialog.setId("new-user-dialog");
        EmailField email = new EmailField(getTranslation("user.email"));
        email.setId("user-email");
        email.setI18n(emailMessages());
        TextField name = new TextField(getTranslation("user.name"));
        name.setId("user-name");
        CheckboxGroup<Role> roles = roleChoice();
        BigDecimalField limit = new BigDecimalField(getTranslation("user.approvalLimit"));
        limit.setId("user-limit");
        limit.setSuffixComponent(new Span(currency().getCurrencyCode()));
        PasswordField password = new PasswordField(getTranslation("user.initialPassword"));
        password.setId("user-password");
        password.setHelperText(getTranslation("password.rules", 12));

        BeanValidationBinder<NewUser> binder = new BeanValidationBinder<>(NewUser.class);
        binder.forField(email).bind("email");
        binder.forField(name).bind("displayName");
        binder.forField(roles).bind("roles");
        binder.forField(limit).bind("approvalLimit");
        binder.forField(password).bind("initialPassword");
        NewUser form = new NewUser();
        binder.setBean(form);
        FieldErrors errors = new FieldErrors(this)
                .field("email", email)
                .field("roles", roles)
                .field("approvalLimit", limit)
                .field("initialPassword", password);

        Button save = new Button(getTranslation("common.save"), e -> {
            if (binder.validate().isOk()) {
                try {
                    UserSummary created = administration.create(form);
                    dialog.close();
                    refresh();
                    FieldErrors.success(this, "user.created", created.email());
                } catch (OperationRefused refused) {
                    errors.show(refused);
                }
            }
        });
        save.setId("save-user");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(email, name, roles, limit, password));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** The browser checks an email's form itself: without texts, the field only turned red. */
    private EmailField.EmailFieldI18n emailMessages() {
        return new EmailField.EmailFieldI18n()
                .setPatternErrorMessage(getTranslation("user.emailInvalid"))
                .setRequiredErrorMessage(getTranslation("user.emailRequired"))
                .setMaxLengthErrorMessage(getTranslation("user.emailInvalid"));
    }

    private void openEditDialog(UserSummary user) {
        Dialog dialog = new Dialog(getTranslation("user.editTitle", user.email()));
        dialog.setId("edit-user-dialog");
        CheckboxGroup<Role> roles = roleChoice();
        roles.setValue(user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()));
        BigDecimalField limit = new BigDecimalField(getTranslation("user.approvalLimit"));
        limit.setId("user-limit");
        limit.setValue(user.approvalLimit().toMajor());
        limit.setSuffixComponent(new Span(user.approvalLimit().currency().getCurrencyCode()));
        FieldErrors errors = new FieldErrors(this).field("roles", roles).field("approvalLimit", limit);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                Set<Role> chosen = roles.getValue();
                administration.updateAccess(user.id(), chosen, limit.getValue());
                dialog.close();
                refresh();
                FieldErrors.success(this, "user.updated", user.email());
            } catch (OperationRefused refused) {
                errors.show(refused);
            }
        });
        save.setId("save-user");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(roles, limit));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private CheckboxGroup<Role> roleChoice() {
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("user.roles"));
        roles.setId("user-roles");
        roles.setItems(Role.MERCHANT_ROLES);
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        return roles;
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("admin.users");
    }
}
