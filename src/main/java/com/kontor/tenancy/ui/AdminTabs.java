package com.kontor.tenancy.ui;

import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** The two pages of Administration: users and settings. */
final class AdminTabs extends Nav {

    AdminTabs(String mode) {
        addClassName("kontor-subnav");
        RouteParameters params = new RouteParameters("mode", mode);
        RouterLink users = new RouterLink(getTranslation("admin.users"), UserAdminView.class, params);
        users.setId("admin-users-link");
        RouterLink settings = new RouterLink(getTranslation("admin.settings"), MerchantSettingsView.class, params);
        settings.setId("admin-settings-link");
        add(users, settings);
    }
}
