package com.kontor.operation.internal;

import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may move money: a person only as FINANCE or ADMIN (OPS), Kontor itself; without a person only trusted code
 * that set the partition explicitly (the shop's API after its key check, the notification job).
 */
@Component
public class MoneyPermission {

    private final CurrentUser currentUser;

    public MoneyPermission(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public void require() {
        boolean allowed = currentUser
                .get()
                .map(u -> u.isSystem() || u.hasRole(Role.FINANCE) || u.hasRole(Role.ADMIN))
                .orElse(TenancyScope.isExplicit());
        if (!allowed) {
            throw new AccessDeniedException("Money operations need the role FINANCE or ADMIN");
        }
    }
}
