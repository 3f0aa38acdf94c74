package com.kontor.ui;

import com.kontor.db.DatabaseErrors;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a user sees when a page cannot be shown because a database call failed: while the database cannot be
 * reached, a friendly "back in a moment" with a link to try the same page again (503); any other database failure
 * the generic error (500), logged. Vaadin picks an error view by the exception's type, so the three types that a
 * database failure arrives as each have a subclass.
 */
abstract class DatabaseErrorView extends Main {

    private static final Logger log = LoggerFactory.getLogger(DatabaseErrorView.class);

    DatabaseErrorView() {
        addClassName("kontor-login");
    }

    int show(BeforeEnterEvent event, Exception failure) {
        boolean unavailable = DatabaseErrors.isUnavailable(failure);
        if (unavailable) {
            log.warn(
                    "Page {} not shown: the database cannot be reached ({})",
                    event.getLocation().getPath(),
                    failure.toString());
        } else {
            log.error("Page {} not shown", event.getLocation().getPath(), failure);
        }
        String prefix = unavailable ? "databaseUnavailable." : "internalError.";
        Div card = new Div(
                new H2(getTranslation(prefix + "title")),
                new Paragraph(getTranslation(prefix + "text")),
                new Anchor("/" + event.getLocation().getPathWithQueryParameters(), getTranslation(prefix + "retry")));
        card.setId(unavailable ? "database-unavailable" : "internal-error");
        card.addClassName("kontor-login-card");
        removeAll();
        add(card);
        return unavailable ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
