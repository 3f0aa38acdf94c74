package com.kontor.tenancy;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in person: kept in the HTTP session, so it holds ids and flags, never an entity. */
public final class KontorUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final long SYSTEM_ID = 0L;

    private final long userId;
    private final Long merchantId;
    private final String email;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean locked;
    private final boolean mustChangePassword;
    private String passwordHash;

    public KontorUser(
            long userId,
            Long merchantId,
            String email,
            String displayName,
            Set<Role> roles,
            boolean locked,
            boolean mustChangePassword,
            String passwordHash) {
        this.userId = userId;
        this.merchantId = merchantId;
        this.email = email;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
        this.passwordHash = passwordHash;
    }

    public long userId() {
        return userId;
    }

    /** Null for a platform operator. */
    public Long merchantId() {
        return merchantId;
    }

    public boolean isOperator() {
        return merchantId == null;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** This user as the actor of an audit record. */
    public com.kontor.audit.Actor asActor() {
        return isSystem() ? com.kontor.audit.Actor.system(displayName) : com.kontor.audit.Actor.user(userId, email);
    }

    /** The principal of {@link SystemScope}: Kontor itself, no person. */
    static KontorUser system(String what) {
        return new KontorUser(SYSTEM_ID, null, "system", what, java.util.EnumSet.of(Role.OPERATOR), false, false, null);
    }

    public boolean isSystem() {
        return userId == SYSTEM_ID;
    }

    /** The same user after a password change, for the session. */
    public KontorUser withPasswordChanged() {
        return new KontorUser(userId, merchantId, email, displayName, roles, locked, false, null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KontorUser other && other.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "KontorUser[" + userId + "]"; // never the email or hash in logs
    }
}
