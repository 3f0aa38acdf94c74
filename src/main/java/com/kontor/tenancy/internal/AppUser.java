package com.kontor.tenancy.internal;

import com.kontor.db.BlockId;
import com.kontor.money.Money;
import com.kontor.tenancy.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/**
 * A person who logs in: a merchant's user, or a platform operator (no merchant). Merchant scope.
 *
 * <p>Declares the {@code merchantScope} filter that every merchant-scoped entity carries: auto-enabled, applied to
 * loads by id too, its value resolved from {@link MerchantScopeParameter}.
 */
@Entity
@Table(name = "app_user")
@FilterDef(
        name = PlatformScope.MERCHANT_FILTER,
        defaultCondition = "merchant_id = :merchantId",
        parameters = @ParamDef(name = "merchantId", type = Long.class, resolver = MerchantScopeParameter.class),
        autoEnabled = true,
        applyToLoadByKey = true)
@Filter(name = PlatformScope.MERCHANT_FILTER)
public class AppUser {

    @Id
    @BlockId(sequence = "app_user_seq")
    private Long id;

    @Column(name = "merchant_id", updatable = false)
    private Long merchantId;

    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean locked;

    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Column(name = "approval_limit_minor")
    private long approvalLimitMinor;

    @Column(name = "approval_limit_currency")
    private String approvalLimitCurrency;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role")
    private Set<Role> roles = new HashSet<>();

    @Version
    private long version;

    protected AppUser() {}

    public AppUser(
            Long merchantId,
            String email,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            Money approvalLimit,
            boolean mustChangePassword,
            Instant createdAt) {
        this.merchantId = merchantId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles.addAll(roles);
        this.approvalLimitMinor = approvalLimit.minor();
        this.approvalLimitCurrency = approvalLimit.currency().getCurrencyCode();
        this.mustChangePassword = mustChangePassword;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isLocked() {
        return locked;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Money getApprovalLimit() {
        return Money.of(approvalLimitMinor, approvalLimitCurrency);
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public void setApprovalLimit(Money limit) {
        this.approvalLimitMinor = limit.minor();
        this.approvalLimitCurrency = limit.currency().getCurrencyCode();
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public void changePassword(String newHash, boolean mustChangeAtNextLogin) {
        this.passwordHash = newHash;
        this.mustChangePassword = mustChangeAtNextLogin;
    }
}
