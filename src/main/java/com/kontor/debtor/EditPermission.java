package com.kontor.debtor;

import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may change a debtor's master and payment data: a logged-in person only as SUPPORT or ADMIN (ACC-2); Kontor
 * itself may. Without a person, only trusted code that set the partition explicitly (the API after its key check,
 * jobs) may.
 */
@Component
class EditPermission {

    private final CurrentUser currentUser;

    EditPermission(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    void require() {
        Optional<KontorUser> user = currentUser.get();
        boolean allowed = user.map(u -> u.isSystem() || u.hasRole(Role.SUPPORT) || u.hasRole(Role.ADMIN))
                .orElse(TenancyScope.isExplicit());
        if (!allowed) {
            throw new AccessDeniedException("Editing debtor data needs the role SUPPORT or ADMIN");
        }
    }
}
