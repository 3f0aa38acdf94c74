package com.kontor.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a user sees for a page that does not exist, that their roles do not allow, or of a module their merchant
 * has not booked: one answer for all three, so a URL does not reveal what exists. It is shown inside the portal's
 * frame, so the menu stays at hand; a stranger is sent to the login instead (see {@link NavigationGuard}).
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        addClassName("kontor-not-found");
        Div card = new Div(
                new H2(getTranslation("notFound.title")),
                new Paragraph(getTranslation("notFound.text")),
                new Anchor("/", getTranslation("notFound.home")));
        card.setId("not-found");
        card.addClassName("kontor-login-card");
        add(card);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
