package com.kontor.ui;

import com.kontor.db.DatabaseErrors;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A click, a save or a grid page that fails because the database cannot be reached: the user gets a friendly
 * notification that nothing was changed and to try again shortly, instead of nothing at all. Every other failure
 * goes to Vaadin's default handler as before.
 */
@Component
class DatabaseOutageNotice implements VaadinServiceInitListener, ErrorHandler {

    static final String ID = "database-unavailable-notice";
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageNotice.class);

    private final ErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        UI ui = UI.getCurrent();
        if (ui == null || !DatabaseErrors.isUnavailable(event.getThrowable())) {
            fallback.error(event);
            return;
        }
        log.warn(
                "An action failed: the database cannot be reached ({})",
                event.getThrowable().toString());
        Notification notice =
                new Notification(ui.getTranslation("databaseUnavailable.notice"), 8000, Notification.Position.MIDDLE);
        notice.setId(ID);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notice.open();
    }
}
