package com.kontor.tenancy.ui;

import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.RequiresModule;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinService;
import java.util.List;
import java.util.Optional;

/**
 * The pages of Administration: users, settings and the letterhead, then the admin pages of booked modules (the
 * dunning procedure). Those live in their modules, which tenancy must not import: they are found by their route
 * and shown only when the merchant booked the module their view requires.
 */
public final class AdminTabs extends Nav {

    /** Admin pages of other modules: the path after the mode, the title key, the id of the link. */
    private record ModuleTab(String path, String titleKey, String id) {}

    private static final List<ModuleTab> MODULE_TABS = List.of(
            new ModuleTab("admin/dunning-procedure", "admin.dunningProcedure", "admin-dunning-procedure-link"),
            new ModuleTab("admin/account-mapping", "admin.accountMapping", "admin-account-mapping-link"));

    public AdminTabs(String mode) {
        addClassName("kontor-subnav");
        RouteParameters params = new RouteParameters("mode", mode);
        RouterLink users = new RouterLink(getTranslation("admin.users"), UserAdminView.class, params);
        users.setId("admin-users-link");
        RouterLink settings = new RouterLink(getTranslation("admin.settings"), MerchantSettingsView.class, params);
        settings.setId("admin-settings-link");
        RouterLink letterhead = new RouterLink(getTranslation("admin.letterhead"), LetterheadView.class, params);
        letterhead.setId("admin-letterhead-link");
        add(users, settings, letterhead);
        Optional<MerchantSummary> merchant = currentMerchant();
        for (ModuleTab tab : MODULE_TABS) {
            Optional<Class<? extends Component>> target =
                    RouteConfiguration.forApplicationScope().getRoute(mode + "/" + tab.path());
            if (target.isEmpty()) {
                continue;
            }
            RequiresModule requires = target.get().getAnnotation(RequiresModule.class);
            if (requires != null
                    && merchant.filter(m ->
                                    java.util.Arrays.stream(requires.value()).anyMatch(m::hasModule))
                            .isEmpty()) {
                continue;
            }
            RouterLink link = new RouterLink(getTranslation(tab.titleKey()), target.get(), params);
            link.setId(tab.id());
            add(link);
        }
    }

    private static Optional<MerchantSummary> currentMerchant() {
        VaadinService service = VaadinService.getCurrent();
        if (service == null) {
            return Optional.empty();
        }
        // the Spring instantiator hands out the bean: the tabs are created with "new" by three views
        return service.getInstantiator().getOrCreate(MerchantDirectory.class).current();
    }
}
