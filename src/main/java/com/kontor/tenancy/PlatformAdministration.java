package com.kontor.tenancy;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.money.Money;
import com.kontor.tenancy.internal.AppUser;
import com.kontor.tenancy.internal.AppUserRepository;
import com.kontor.tenancy.internal.Merchant;
import com.kontor.tenancy.internal.MerchantRepository;
import com.kontor.tenancy.internal.MerchantSettings;
import com.kontor.tenancy.internal.MerchantSettingsRepository;
import com.kontor.tenancy.internal.PlatformScope;
import com.kontor.tenancy.internal.Portal;
import com.kontor.tenancy.internal.PortalRepository;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The platform OPERATOR's work (ACC-1, ACC-5): merchants, their portals and booked modules, and each new merchant's
 * first administrator. The operator sees no merchant's debtors or money; this service touches only platform and
 * merchant scope, in platform scope (merchant filter off) for exactly these transactions.
 */
@Service
@Validated
@PreAuthorize("hasRole('OPERATOR')")
public class PlatformAdministration {

    private final MerchantRepository merchants;
    private final MerchantSettingsRepository settings;
    private final PortalRepository portals;
    private final AppUserRepository users;
    private final PlatformScope platformScope;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final MerchantDirectory merchantDirectory;
    private final Clock clock;

    public PlatformAdministration(
            MerchantRepository merchants,
            MerchantSettingsRepository settings,
            PortalRepository portals,
            AppUserRepository users,
            PlatformScope platformScope,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            CurrentUser currentUser,
            AuditLog auditLog,
            MerchantDirectory merchantDirectory,
            Clock clock) {
        this.merchantDirectory = merchantDirectory;
        this.merchants = merchants;
        this.settings = settings;
        this.portals = portals;
        this.users = users;
        this.platformScope = platformScope;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MerchantOverview> merchants() {
        platformScope.enterForThisTransaction();
        Map<Long, List<String>> portalNames = portals.findAllByOrderByNameAsc().stream()
                .collect(Collectors.groupingBy(
                        Portal::getMerchantId, Collectors.mapping(Portal::getName, Collectors.toList())));
        Map<Long, Long> userCounts = users.findAll().stream()
                .filter(u -> u.getMerchantId() != null)
                .collect(Collectors.groupingBy(AppUser::getMerchantId, Collectors.counting()));
        return merchants.findAllByOrderByNameAsc().stream()
                .map(m -> new MerchantOverview(
                        m.getId(),
                        m.getName(),
                        m.getModules(),
                        portalNames.getOrDefault(m.getId(), List.of()),
                        userCounts.getOrDefault(m.getId(), 0L)))
                .toList();
    }

    /** Creates the merchant with its settings, first portal and first ADMIN (who must change the password). */
    @Transactional
    public MerchantOverview createMerchant(@Valid NewMerchant form) {
        return createMerchant(form, true);
    }

    /**
     * As {@link #createMerchant(NewMerchant)}; {@code temporaryAdminPassword} false only for generated demo data,
     * whose passwords are printed and documented.
     */
    @Transactional
    public MerchantOverview createMerchant(@Valid NewMerchant form, boolean temporaryAdminPassword) {
        platformScope.enterForThisTransaction();
        String name = form.getName().strip();
        if (merchants.existsByNameIgnoreCase(name)) {
            throw OperationRefused.onField("name", "merchant.nameTaken");
        }
        ZoneId zone = SettingsRules.timeZone(form.getTimeZone());
        Currency currency = SettingsRules.currency(form.getDefaultCurrency());
        Locale language = SettingsRules.language(form.getDefaultLanguage());
        String adminEmail = Emails.normalise(form.getAdminEmail());
        if (users.existsByEmail(adminEmail)) {
            throw OperationRefused.onField("adminEmail", "user.emailTaken");
        }
        passwordPolicy.violation(form.getAdminInitialPassword(), adminEmail).ifPresent(key -> {
            throw OperationRefused.onField("adminInitialPassword", key);
        });
        Instant now = Instant.now(clock);
        Merchant merchant = new Merchant(name, now);
        merchant.setModules(form.getModules());
        merchant = merchants.save(merchant);
        settings.save(new MerchantSettings(merchant.getId(), zone, language, currency));
        portals.save(new Portal(merchant.getId(), form.getFirstPortalName().strip(), now));
        users.save(new AppUser(
                merchant.getId(),
                adminEmail,
                form.getAdminName().strip(),
                passwordEncoder.encode(form.getAdminInitialPassword()),
                EnumSet.of(Role.ADMIN),
                Money.zero(currency),
                temporaryAdminPassword,
                now));
        KontorUser operator = currentUser.require();
        auditLog.record(AuditEntry.of(merchant.getId(), operator.asActor(), AuditEventType.MERCHANT_CREATED)
                .withDetail("merchant", name)
                .withDetail("portal", form.getFirstPortalName().strip())
                .withDetail("admin", adminEmail)
                .withDetail(
                        "modules",
                        form.getModules().stream().map(Enum::name).sorted().toList()));
        return new MerchantOverview(
                merchant.getId(),
                name,
                merchant.getModules(),
                List.of(form.getFirstPortalName().strip()),
                1);
    }

    /**
     * A user of a merchant created by the platform (onboarding, demo data); with a temporary password the user must
     * change it at the first login.
     */
    @Transactional
    public void createMerchantUser(long merchantId, @Valid NewUser form, boolean temporaryPassword) {
        platformScope.enterForThisTransaction();
        Merchant merchant =
                merchants.findById(merchantId).orElseThrow(() -> OperationRefused.because("merchant.notFound"));
        if (!Role.MERCHANT_ROLES.containsAll(form.getRoles()) || form.getRoles().isEmpty()) {
            throw OperationRefused.onField("roles", "user.roleNotAllowed");
        }
        String email = Emails.normalise(form.getEmail());
        if (users.existsByEmail(email)) {
            throw OperationRefused.onField("email", "user.emailTaken");
        }
        passwordPolicy.violation(form.getInitialPassword(), email).ifPresent(key -> {
            throw OperationRefused.onField("initialPassword", key);
        });
        Currency currency = settings.findById(merchantId).orElseThrow().getDefaultCurrency();
        Money limit = Money.ofMajor(form.getApprovalLimit(), currency);
        users.save(new AppUser(
                merchant.getId(),
                email,
                form.getDisplayName().strip(),
                passwordEncoder.encode(form.getInitialPassword()),
                form.getRoles(),
                limit,
                temporaryPassword,
                Instant.now(clock)));
        auditLog.record(AuditEntry.of(merchantId, currentUser.require().asActor(), AuditEventType.USER_CREATED)
                .withDetail("user", email)
                .withDetail(
                        "roles",
                        form.getRoles().stream().map(Enum::name).sorted().toList()));
    }

    /** A platform operator (belongs to no merchant); with a temporary password it must be changed at first login. */
    @Transactional
    public void createOperator(String email, String name, String password, boolean temporaryPassword) {
        platformScope.enterForThisTransaction();
        String normalised = Emails.normalise(email);
        if (users.existsByEmail(normalised)) {
            throw OperationRefused.onField("email", "user.emailTaken");
        }
        passwordPolicy.violation(password, normalised).ifPresent(key -> {
            throw OperationRefused.onField("initialPassword", key);
        });
        users.save(new AppUser(
                null,
                normalised,
                name,
                passwordEncoder.encode(password),
                EnumSet.of(Role.OPERATOR),
                Money.zero(Currency.getInstance("EUR")),
                temporaryPassword,
                Instant.now(clock)));
        auditLog.record(AuditEntry.of(null, currentUser.require().asActor(), AuditEventType.USER_CREATED)
                .withDetail("user", normalised)
                .withDetail("roles", List.of(Role.OPERATOR.name())));
    }

    /** Whether any platform operator exists. */
    @Transactional(readOnly = true)
    public boolean anyOperator() {
        platformScope.enterForThisTransaction();
        return users.countUnlockedWithRole(Role.OPERATOR) > 0;
    }

    /** Whether any merchant exists (the demo data are seeded only into an empty platform). */
    @Transactional(readOnly = true)
    public boolean anyMerchant() {
        return merchants.count() > 0;
    }

    /** Sets the four-eyes option of a merchant (demo data; admins use the settings view). */
    @Transactional
    public void setFourEyes(long merchantId, boolean enabled, Money threshold) {
        platformScope.enterForThisTransaction();
        MerchantSettings s = settings.findById(merchantId).orElseThrow();
        s.update(
                s.getTimeZone(),
                s.getDefaultLanguage(),
                s.getDefaultCurrency(),
                s.getPaymentTermDays(),
                enabled,
                threshold);
        merchantDirectory.evict(merchantId);
        auditLog.record(
                AuditEntry.of(merchantId, currentUser.require().asActor(), AuditEventType.MERCHANT_SETTINGS_CHANGED)
                        .withChange("fourEyesThreshold", null, threshold.toString()));
    }

    @Transactional
    public void createPortal(long merchantId, String portalName) {
        platformScope.enterForThisTransaction();
        String name = portalName == null ? "" : portalName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw OperationRefused.onField("portalName", "portal.nameInvalid");
        }
        merchants.findById(merchantId).orElseThrow(() -> OperationRefused.because("merchant.notFound"));
        if (portals.existsByMerchantIdAndNameIgnoreCase(merchantId, name)) {
            throw OperationRefused.onField("portalName", "portal.nameTaken");
        }
        portals.save(new Portal(merchantId, name, Instant.now(clock)));
        merchantDirectory.evict(merchantId);
        auditLog.record(AuditEntry.of(merchantId, currentUser.require().asActor(), AuditEventType.PORTAL_CREATED)
                .withDetail("portal", name));
    }

    @Transactional
    public void bookModules(long merchantId, Set<BookedModule> modules) {
        platformScope.enterForThisTransaction();
        Merchant merchant =
                merchants.findById(merchantId).orElseThrow(() -> OperationRefused.because("merchant.notFound"));
        Set<BookedModule> before = merchant.getModules();
        merchant.setModules(modules);
        merchantDirectory.evict(merchantId);
        auditLog.record(
                AuditEntry.of(merchantId, currentUser.require().asActor(), AuditEventType.MERCHANT_MODULES_CHANGED)
                        .withChange(
                                "modules",
                                before.stream().map(Enum::name).sorted().toList(),
                                modules.stream().map(Enum::name).sorted().toList()));
    }
}
