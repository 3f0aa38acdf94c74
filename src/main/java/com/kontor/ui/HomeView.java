package com.kontor.ui;

import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The start page forwards: a merchant's user to the debtors of the last mode, an operator to the merchants. */
@Route(value = "", autoLayout = false)
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    public static final String OPERATOR_HOME = "operator/merchants";

    private final CurrentUser currentUser;

    public HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        KontorUser user = currentUser.require();
        event.forwardTo(
                user.isOperator() ? OPERATOR_HOME : NavigationGuard.lastMode().urlSegment() + "/debtors");
    }
}
