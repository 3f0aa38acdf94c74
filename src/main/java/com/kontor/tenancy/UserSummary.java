package com.kontor.tenancy;

import com.kontor.money.Money;
import java.time.Instant;
import java.util.Set;

/** A user as the admin view lists it (no password hash). */
public record UserSummary(
        long id,
        String email,
        String displayName,
        Set<Role> roles,
        Money approvalLimit,
        boolean locked,
        boolean mustChangePassword,
        Instant createdAt) {}
