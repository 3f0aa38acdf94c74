package com.kontor.tenancy;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.money.Money;
import com.kontor.tenancy.internal.AppUser;
import com.kontor.tenancy.internal.AppUserRepository;
import com.kontor.tenancy.internal.MerchantRepository;
import com.kontor.tenancy.internal.MerchantSettingsRepository;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * A merchant ADMIN manages the merchant's users (ACC-2, ACC-4): create, roles, approval limit, lock. Nobody
 * changes their own roles, limit or lock, and the merchant always keeps one unlocked ADMIN.
 */
@Service
@Validated
@PreAuthorize("hasRole('ADMIN')")
public class UserAdministration {

    private final AppUserRepository users;
    private final MerchantRepository merchants;
    private final MerchantSettingsRepository settings;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditLog auditLog;
    private final EntityManager entityManager;
    private final Clock clock;

    public UserAdministration(
            AppUserRepository users,
            MerchantRepository merchants,
            MerchantSettingsRepository settings,
            CurrentUser currentUser,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            AuditLog auditLog,
            EntityManager entityManager,
            Clock clock) {
        this.users = users;
        this.merchants = merchants;
        this.settings = settings;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.auditLog = auditLog;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The current merchant's users (the merchant filter applies). */
    @Transactional(readOnly = true)
    public List<UserSummary> users() {
        return users.findAllByOrderByEmailAsc().stream()
                .map(UserAdministration::summarise)
                .toList();
    }

    @Transactional
    public UserSummary create(@Valid NewUser form) {
        KontorUser admin = actingAdmin();
        long merchantId = admin.merchantId();
        String email = Emails.normalise(form.getEmail());
        requireMerchantRoles(form.getRoles());
        passwordPolicy.violation(form.getInitialPassword(), email).ifPresent(key -> {
            throw OperationRefused.onField("initialPassword", key);
        });
        if (emailTakenOnPlatform(email)) {
            throw OperationRefused.onField("email", "user.emailTaken");
        }
        Money limit = limitOf(form.getApprovalLimit(), merchantId);
        AppUser user = users.save(new AppUser(
                merchantId,
                email,
                form.getDisplayName().strip(),
                passwordEncoder.encode(form.getInitialPassword()),
                form.getRoles(),
                limit,
                true,
                Instant.now(clock)));
        auditLog.record(AuditEntry.of(merchantId, admin.asActor(), AuditEventType.USER_CREATED)
                .withDetail("user", email)
                .withDetail("roles", names(form.getRoles()))
                .withDetail("approvalLimit", limit.toString()));
        return summarise(user);
    }

    /** Sets roles and approval limit of another user of the merchant. */
    @Transactional
    public UserSummary updateAccess(long userId, Set<Role> roles, BigDecimal approvalLimit) {
        KontorUser admin = actingAdmin();
        AppUser user = loadOther(userId, admin);
        requireMerchantRoles(roles);
        Money limit = limitOf(approvalLimit, admin.merchantId());
        Set<Role> oldRoles = user.getRoles();
        Money oldLimit = user.getApprovalLimit();
        if (oldRoles.contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && !user.isLocked()) {
            requireAnotherUnlockedAdmin();
        }
        user.setRoles(roles);
        user.setApprovalLimit(limit);
        if (!oldRoles.equals(roles)) {
            auditLog.record(AuditEntry.of(admin.merchantId(), admin.asActor(), AuditEventType.USER_ROLES_CHANGED)
                    .withDetail("user", user.getEmail())
                    .withChange("roles", names(oldRoles), names(roles)));
        }
        if (!oldLimit.equals(limit)) {
            auditLog.record(
                    AuditEntry.of(admin.merchantId(), admin.asActor(), AuditEventType.USER_APPROVAL_LIMIT_CHANGED)
                            .withDetail("user", user.getEmail())
                            .withChange("approvalLimit", oldLimit.toString(), limit.toString()));
        }
        return summarise(user);
    }

    @Transactional
    public UserSummary setLocked(long userId, boolean locked) {
        KontorUser admin = actingAdmin();
        AppUser user = loadOther(userId, admin);
        if (user.isLocked() == locked) {
            return summarise(user);
        }
        if (locked && user.getRoles().contains(Role.ADMIN)) {
            requireAnotherUnlockedAdmin();
        }
        user.setLocked(locked);
        auditLog.record(AuditEntry.of(
                        admin.merchantId(),
                        admin.asActor(),
                        locked ? AuditEventType.USER_LOCKED : AuditEventType.USER_UNLOCKED)
                .withDetail("user", user.getEmail()));
        return summarise(user);
    }

    /**
     * The logged-in admin, checked against the database after locking the merchant: a session whose ADMIN role was
     * removed or whose user was locked meanwhile can no longer administer.
     */
    private KontorUser actingAdmin() {
        KontorUser admin = currentUser.require();
        merchants
                .lockById(currentUser.requireMerchantId())
                .orElseThrow(() -> new IllegalStateException("Merchant vanished"));
        AppUser self = users.findById(admin.userId()).orElseThrow(() -> OperationRefused.because("user.notFound"));
        if (self.isLocked() || !self.getRoles().contains(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("No longer an administrator");
        }
        return admin;
    }

    private AppUser loadOther(long userId, KontorUser admin) {
        if (userId == admin.userId()) {
            throw OperationRefused.because("user.notYourself");
        }
        // The merchant filter applies to loads by id: another merchant's user is simply not found.
        return users.findById(userId).orElseThrow(() -> OperationRefused.because("user.notFound"));
    }

    private void requireAnotherUnlockedAdmin() {
        // The user being changed is still counted (changes are not flushed yet): another one must exist.
        if (users.countUnlockedWithRole(Role.ADMIN) < 2) {
            throw OperationRefused.because("user.lastAdmin");
        }
    }

    private static void requireMerchantRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw OperationRefused.onField("roles", "user.rolesRequired");
        }
        if (!Role.MERCHANT_ROLES.containsAll(roles)) {
            throw OperationRefused.onField("roles", "user.roleNotAllowed");
        }
    }

    private Money limitOf(BigDecimal amount, long merchantId) {
        Currency currency = settings.findById(merchantId).orElseThrow().getDefaultCurrency();
        return SettingsRules.amount(amount, currency, "approvalLimit");
    }

    /** Login names are unique on the whole platform; a native query on purpose sees past the merchant filter. */
    private boolean emailTakenOnPlatform(String email) {
        Number count = (Number) entityManager
                .createNativeQuery("select count(*) from app_user where email = ?1")
                .setParameter(1, email)
                .getSingleResult();
        return count.longValue() > 0;
    }

    private static List<String> names(Set<Role> roles) {
        return new TreeSet<>(roles.stream().map(Enum::name).toList()).stream().toList();
    }

    static UserSummary summarise(AppUser u) {
        return new UserSummary(
                u.getId(),
                u.getEmail(),
                u.getDisplayName(),
                u.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.getRoles()),
                u.getApprovalLimit(),
                u.isLocked(),
                u.isMustChangePassword(),
                u.getCreatedAt());
    }
}
