package com.kontor.accounting;

import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Role;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the accounting export (ACCT-1): FINANCE and ADMIN export a period; AUDITOR may list and
 * download exports made earlier (what was handed to accounting is evidence), but not make one; only ADMIN reads and
 * edits the account mapping. Every service method asks here again, whatever the view showed.
 */
@Component
public class AccountingExportPermission {

    static final Set<Role> EXPORTERS = Set.of(Role.FINANCE, Role.ADMIN);
    static final Set<Role> READERS = Set.of(Role.FINANCE, Role.ADMIN, Role.AUDITOR);
    static final Set<Role> MAPPERS = Set.of(Role.ADMIN);

    private final CurrentUser currentUser;

    AccountingExportPermission(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Whether the person now logged in may make an export. */
    public boolean mayExport() {
        return currentUser
                .get()
                .filter(u -> u.merchantId() != null && EXPORTERS.stream().anyMatch(u::hasRole))
                .isPresent();
    }

    KontorUser requireExport() {
        return require(EXPORTERS);
    }

    KontorUser requireRead() {
        return require(READERS);
    }

    KontorUser requireMapping() {
        return require(MAPPERS);
    }

    private KontorUser require(Set<Role> roles) {
        KontorUser user = currentUser.require();
        if (user.merchantId() == null || roles.stream().noneMatch(user::hasRole)) {
            throw new AccessDeniedException("Accounting export: one of the roles " + roles + " is required");
        }
        return user;
    }
}
