package com.kontor.tenancy.ui;

import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** The three pages of Administration: users, settings and the letterhead. */
final class AdminTabs extends Nav {

    AdminTabs(String mode) {
        addClassName("kontor-subnav");
        RouteParameters params = new RouteParameters("mode", mode);
        RouterLink users = new RouterLink(getTranslation("admin.users"), UserAdminView.class, params);
        users.setId("admin-users-link");
        RouterLink settings = new RouterLink(getTranslation("admin.settings"), MerchantSettingsView.class, params);
        settings.setId("admin-settings-link");
        RouterLink letterhead = new RouterLink(getTranslation("admin.letterhead"), LetterheadView.class, params);
        letterhead.setId("admin-letterhead-link");
        add(users, settings, letterhead);
    }
}
