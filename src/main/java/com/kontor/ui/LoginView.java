package com.kontor.ui;

import com.kontor.db.DatabaseErrors;
import com.kontor.tenancy.CurrentUser;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.web.WebAttributes;

/**
 * Login with email and password; one neutral message for every failure (ACC-4), but a login that failed because the
 * database could not be reached says so.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();
    private final CurrentUser currentUser;

    public LoginView(CurrentUser currentUser) {
        this.currentUser = currentUser;
        addClassName("kontor-login");
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.email"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.failed.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.failed.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.emailRequired"));
        i18n.getErrorMessage().setPassword(getTranslation("login.passwordRequired"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgotPassword"));
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setId("login-form");

        Div brand = new Div(new H1("Kontor"), new Paragraph(getTranslation("login.tagline")));
        brand.addClassName("kontor-login-brand");
        Div card = new Div(brand, login, new LanguageSwitch());
        card.addClassName("kontor-login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo(HomeView.class);
            return;
        }
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed && databaseUnavailable()) {
            i18n.getErrorMessage().setTitle(getTranslation("databaseUnavailable.title"));
            i18n.getErrorMessage().setMessage(getTranslation("databaseUnavailable.login"));
            login.setI18n(i18n);
        }
        login.setError(failed);
    }

    /** Whether the last login failed because the database could not be reached (not a wrong password). */
    private static boolean databaseUnavailable() {
        WrappedSession session = VaadinSession.getCurrent().getSession();
        return session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof Exception failure
                && DatabaseErrors.isUnavailable(failure);
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("login.title");
    }
}
