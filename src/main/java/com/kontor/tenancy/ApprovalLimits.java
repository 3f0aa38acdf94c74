package com.kontor.tenancy;

import com.kontor.money.Money;
import com.kontor.tenancy.internal.AppUserRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Each user's approval limit (ACC-4): the amount up to which the user may execute a money operation alone; above
 * it, four-eyes (OPS-6). Read when the operation runs, not from the session, so an admin's change holds at once.
 */
@Service
public class ApprovalLimits {

    private final AppUserRepository users;
    private final CurrentUser currentUser;

    public ApprovalLimits(AppUserRepository users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    /** The logged-in person's limit; empty without a person (the shop's API, Kontor's jobs). */
    public Optional<Money> ofCurrentUser() {
        return currentUser
                .get()
                .filter(u -> !u.isSystem() && !u.isOperator())
                .flatMap(u -> users.findById(u.userId()))
                .map(u -> u.getApprovalLimit());
    }
}
