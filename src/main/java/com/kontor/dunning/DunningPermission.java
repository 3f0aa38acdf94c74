package com.kontor.dunning;

import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Role;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and steer dunning (ACC-2, DUN): SUPPORT, FINANCE, AUDITOR and ADMIN read it; FINANCE and ADMIN act
 * (levels, blocks, runs, releases, the debt-collection export); always where the merchant booked the DUNNING module.
 * Kontor itself (the run) may act. One place for the services and views of the module to ask.
 */
@Component
public class DunningPermission {

    static final Set<Role> READERS = Set.of(Role.SUPPORT, Role.FINANCE, Role.AUDITOR, Role.ADMIN);
    static final Set<Role> MANAGERS = Set.of(Role.FINANCE, Role.ADMIN);

    private final CurrentUser currentUser;
    private final MerchantDirectory merchants;

    DunningPermission(CurrentUser currentUser, MerchantDirectory merchants) {
        this.currentUser = currentUser;
        this.merchants = merchants;
    }

    /** Whether the person now logged in may see dunning here. */
    public boolean mayRead() {
        return allowed(READERS);
    }

    /** Whether the person now logged in may act (FINANCE, ADMIN) here. */
    public boolean mayChange() {
        return allowed(MANAGERS);
    }

    public KontorUser requireRead() {
        return require(READERS);
    }

    public KontorUser requireChange() {
        return require(MANAGERS);
    }

    private boolean allowed(Set<Role> roles) {
        return currentUser
                        .get()
                        .filter(user ->
                                user.merchantId() != null && roles.stream().anyMatch(user::hasRole))
                        .isPresent()
                && merchants
                        .current()
                        .map(m -> m.hasModule(BookedModule.DUNNING))
                        .orElse(false);
    }

    private KontorUser require(Set<Role> roles) {
        KontorUser user = currentUser.require();
        if (!user.isSystem() && roles.stream().noneMatch(user::hasRole)) {
            throw new AccessDeniedException("Dunning: one of the roles " + roles + " is required");
        }
        if (!merchants.requireCurrent().hasModule(BookedModule.DUNNING)) {
            throw new AccessDeniedException("The dunning module is not booked");
        }
        return user;
    }
}
