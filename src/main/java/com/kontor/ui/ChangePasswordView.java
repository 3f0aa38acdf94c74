package com.kontor.ui;

import com.kontor.tenancy.AccountService;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.PasswordPolicy;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** The password change; at the first login of a user an admin created, the only view they can reach. */
@Route(value = "change-password", autoLayout = false)
@PermitAll
public class ChangePasswordView extends Main implements HasDynamicTitle {

    private final AccountService accountService;
    private final PasswordField current = new PasswordField();
    private final PasswordField next = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    public ChangePasswordView(AccountService accountService) {
        this.accountService = accountService;
        addClassName("kontor-login");
        current.setLabel(getTranslation("password.current"));
        current.setId("current-password");
        next.setLabel(getTranslation("password.new"));
        next.setId("new-password");
        next.setHelperText(getTranslation("password.rules", PasswordPolicy.MIN_LENGTH));
        repeat.setLabel(getTranslation("password.repeat"));
        repeat.setId("repeat-password");
        for (PasswordField f : new PasswordField[] {current, next, repeat}) {
            f.setWidthFull();
            f.setMaxLength(PasswordPolicy.MAX_LENGTH);
        }
        Button save = new Button(getTranslation("password.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-password");
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        Div card = new Div(
                new H2(getTranslation("password.title")),
                new Paragraph(getTranslation("password.intro")),
                current,
                next,
                repeat,
                save);
        card.addClassName("kontor-login-card");
        add(card);
    }

    private void save() {
        current.setInvalid(false);
        next.setInvalid(false);
        repeat.setInvalid(false);
        if (!next.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("password.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        try {
            KontorUser updated = accountService.changeOwnPassword(current.getValue(), next.getValue());
            keepInSession(updated);
            getUI().ifPresent(ui -> ui.navigate(HomeView.class));
        } catch (OperationRefused e) {
            PasswordField field = "currentPassword".equals(e.field()) ? current : next;
            field.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            field.setInvalid(true);
        }
    }

    private static void keepInSession(KontorUser user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository()
                .saveContext(
                        context,
                        VaadinServletRequest.getCurrent().getHttpServletRequest(),
                        VaadinServletResponse.getCurrent().getHttpServletResponse());
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("password.title");
    }
}
