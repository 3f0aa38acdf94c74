package com.kontor.tenancy;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.tenancy.internal.AppUser;
import com.kontor.tenancy.internal.AppUserRepository;
import com.kontor.tenancy.internal.PlatformScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own account: the password change (forced at the first login of a user an admin created). */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountService {

    private final AppUserRepository users;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditLog auditLog;
    private final PlatformScope platformScope;

    public AccountService(
            AppUserRepository users,
            CurrentUser currentUser,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            AuditLog auditLog,
            PlatformScope platformScope) {
        this.platformScope = platformScope;
        this.users = users;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.auditLog = auditLog;
    }

    /** Changes the logged-in user's password; returns the principal to keep in the session. */
    @Transactional
    public KontorUser changeOwnPassword(String currentPassword, String newPassword) {
        KontorUser me = currentUser.require();
        if (me.isOperator()) {
            platformScope.enterForThisTransaction(); // an operator belongs to no merchant
        }
        AppUser user = users.findById(me.userId()).orElseThrow(() -> new IllegalStateException("User vanished"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw OperationRefused.onField("currentPassword", "password.currentWrong");
        }
        passwordPolicy.violation(newPassword, user.getEmail()).ifPresent(key -> {
            throw OperationRefused.onField("newPassword", key);
        });
        if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
            throw OperationRefused.onField("newPassword", "password.sameAsBefore");
        }
        user.changePassword(passwordEncoder.encode(newPassword), false);
        auditLog.record(AuditEntry.of(me.merchantId(), me.asActor(), AuditEventType.PASSWORD_CHANGED));
        return me.withPasswordChanged();
    }

    /**
     * Whether the session's user may go on: not locked meanwhile, roles unchanged. Checked at every navigation, so
     * an admin's lock or role change takes effect at the user's next step.
     */
    @Transactional(readOnly = true)
    public boolean sessionStillValid(KontorUser user) {
        if (user.isSystem()) {
            return true;
        }
        if (user.isOperator()) {
            platformScope.enterForThisTransaction();
        }
        return users.findById(user.userId())
                .filter(u -> !u.isLocked() && u.getRoles().equals(user.roles()))
                .isPresent();
    }

    /** Audits the logout the user asked for (an idle session that ends is not a logout). */
    @Transactional
    public void recordLogout() {
        KontorUser me = currentUser.require();
        auditLog.record(AuditEntry.of(me.merchantId(), me.asActor(), AuditEventType.LOGOUT));
    }
}
