package com.kontor.ui;

import com.kontor.tenancy.AccountService;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.RequiresModule;
import com.kontor.tenancy.SecurityProperties;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs before every navigation of every tab, whatever view it leads to (Vaadin checks the role annotations
 * beside it):
 * <ul>
 *   <li>a user who must change the password sees nothing but the password change;</li>
 *   <li>the mode in the URL becomes the tab's partition (see {@link UrlModeSource}) and the session's last mode;</li>
 *   <li>a view of a module the merchant has not booked is refused as not found, typed URLs included;</li>
 *   <li>a user locked or given other roles since the login is logged out;</li>
 *   <li>the idle timeout applies to the session (Vaadin closes idle sessions despite heartbeats).</li>
 * </ul>
 */
@Component
class NavigationGuard implements VaadinServiceInitListener {

    static final String LAST_MODE = "kontor.lastMode";
    /** The merchant's time zone id, for views of modules below tenancy that show times (the audit log). */
    static final String TIME_ZONE = "kontor.timeZone";

    private final CurrentUser currentUser;
    private final MerchantDirectory merchantDirectory;
    private final SecurityProperties securityProperties;
    private final AccountService accountService;
    private final AuthenticationContext authenticationContext;

    NavigationGuard(
            CurrentUser currentUser,
            MerchantDirectory merchantDirectory,
            SecurityProperties securityProperties,
            AccountService accountService,
            AuthenticationContext authenticationContext) {
        this.accountService = accountService;
        this.authenticationContext = authenticationContext;
        this.currentUser = currentUser;
        this.merchantDirectory = merchantDirectory;
        this.securityProperties = securityProperties;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.addBeforeEnterListener(this::beforeEnter);
            ui.addAfterNavigationListener(this::afterNavigation);
        });
        // Vaadin closes an idle session (closeIdleSessions) but keeps the HTTP session, where Spring Security holds
        // the login: end that too, or a reload would open a fresh UI still logged in.
        event.getSource().addSessionDestroyListener(destroy -> {
            WrappedSession http = destroy.getSession().getSession();
            if (http != null) {
                try {
                    http.invalidate();
                } catch (IllegalStateException alreadyInvalidated) {
                    // the HTTP session ended first (timeout or logout): nothing left to do
                }
            }
        });
    }

    private void beforeEnter(BeforeEnterEvent event) {
        if (DatabaseErrorView.class.isAssignableFrom(event.getNavigationTarget())) {
            return; // the database cannot be asked: the checks below would fail the error view too
        }
        Optional<Mode> mode =
                event.getRouteParameters().get(Mode.ROUTE_PARAMETER).flatMap(Mode::fromUrlSegment);
        UrlModeSource.set(event.getUI(), mode.orElse(null));
        Optional<KontorUser> user = currentUser.get();
        if (user.isEmpty()) {
            if (event.getNavigationTarget() == NotFoundView.class) {
                // the not-found view lives in the portal's frame, which needs a user: a stranger logs in first
                event.rerouteTo(LoginView.class);
            }
            return;
        }
        if (!accountService.sessionStillValid(user.get())) {
            // Locked or roles changed by an admin since the login: the session ends here.
            authenticationContext.logout();
            event.rerouteTo(LoginView.class);
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        int idleSeconds = (int) securityProperties.idleTimeout().toSeconds();
        if (session.getSession().getMaxInactiveInterval() != idleSeconds) {
            session.getSession().setMaxInactiveInterval(idleSeconds);
        }
        if (user.get().mustChangePassword() && event.getNavigationTarget() != ChangePasswordView.class) {
            event.rerouteTo(ChangePasswordView.class);
            return;
        }
        mode.ifPresent(m -> session.setAttribute(LAST_MODE, m));
        Optional<MerchantSummary> merchant = user.get().isOperator() ? Optional.empty() : merchantDirectory.current();
        merchant.ifPresent(
                m -> session.setAttribute(TIME_ZONE, m.settings().timeZone().getId()));
        RequiresModule requires = event.getNavigationTarget().getAnnotation(RequiresModule.class);
        if (requires != null
                && merchant.filter(
                                m -> java.util.Arrays.stream(requires.value()).anyMatch(m::hasModule))
                        .isEmpty()) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void afterNavigation(AfterNavigationEvent event) {
        // The view actually shown decides the tab's mode (also after a reroute).
        String first = event.getLocation().getFirstSegment();
        UrlModeSource.set(UI.getCurrent(), Mode.fromUrlSegment(first).orElse(null));
    }

    static Mode lastMode() {
        VaadinSession session = VaadinSession.getCurrent();
        Object mode = session == null ? null : session.getAttribute(LAST_MODE);
        return mode instanceof Mode m ? m : Mode.LIVE;
    }
}
