package com.kontor.psp;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.crypto.FieldCipher;
import com.kontor.psp.internal.NotificationKeys;
import com.kontor.psp.internal.ProviderAccount;
import com.kontor.psp.internal.ProviderAccountRepository;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PortalSummary;
import com.kontor.tenancy.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provider accounts per portal and mode (PSP-5), set by the merchant's ADMIN: PAYONE portal id and notification
 * key, Adyen merchant account and HMAC key with rotation (the previous key stays valid for the grace period).
 * Keys are stored encrypted and never shown again.
 */
@Service
public class ProviderAccounts {

    private final ProviderAccountRepository accounts;
    private final NotificationKeys keys;
    private final FieldCipher cipher;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchants;
    private final AuditLog auditLog;
    private final Clock clock;

    public ProviderAccounts(
            ProviderAccountRepository accounts,
            NotificationKeys keys,
            FieldCipher cipher,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            MerchantDirectory merchants,
            AuditLog auditLog,
            Clock clock) {
        this.accounts = accounts;
        this.keys = keys;
        this.cipher = cipher;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.merchants = merchants;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProviderAccountSummary> list() {
        requireAdmin();
        Instant now = Instant.now(clock);
        List<ProviderAccountSummary> views = new ArrayList<>();
        for (PortalSummary portal : merchants.requireCurrent().portals()) {
            Optional<ProviderAccount> account = accounts.findByPortalId(portal.id());
            views.add(account.map(a -> new ProviderAccountSummary(
                            portal.id(),
                            portal.name(),
                            a.getPayonePortalId(),
                            a.getPayoneKeyCipher() != null,
                            a.getAdyenMerchantAccount(),
                            a.getAdyenHmacKeyCipher() != null,
                            a.getAdyenKeyRotatedAt(),
                            keys.previousValid(a, now)))
                    .orElse(new ProviderAccountSummary(
                            portal.id(), portal.name(), null, false, null, false, null, false)));
        }
        return views;
    }

    /** Sets the PAYONE portal id and notification key of a portal in the current mode. */
    @Transactional
    public void setPayone(long portalId, String payonePortalId, String key) {
        KontorUser user = requireAdmin();
        if (payonePortalId == null || !payonePortalId.matches("[0-9]{1,20}")) {
            throw OperationRefused.onField("payonePortalId", "provider.payonePortalIdInvalid");
        }
        if (key == null || key.isBlank() || key.length() > 100) {
            throw OperationRefused.onField("payoneKey", "provider.keyInvalid");
        }
        ProviderAccount account = accountOf(portalId);
        account.setPayone(payonePortalId, cipher.encrypt(key), Instant.now(clock));
        save(account, "payonePortalId");
        audit(user, portalId, Map.of("payonePortalId", payonePortalId, "payoneKey", "changed"));
    }

    @Transactional
    public void setAdyenMerchantAccount(long portalId, String merchantAccount) {
        KontorUser user = requireAdmin();
        if (merchantAccount == null || !merchantAccount.matches("[A-Za-z0-9_.-]{1,80}")) {
            throw OperationRefused.onField("adyenMerchantAccount", "provider.adyenAccountInvalid");
        }
        ProviderAccount account = accountOf(portalId);
        account.setAdyenMerchantAccount(merchantAccount, Instant.now(clock));
        save(account, "adyenMerchantAccount");
        audit(user, portalId, Map.of("adyenMerchantAccount", merchantAccount));
    }

    /** A new Adyen HMAC key (hex, as Adyen shows it); the current one stays valid for the grace period. */
    @Transactional
    public void rotateAdyenKey(long portalId, String hexKey) {
        KontorUser user = requireAdmin();
        String key = hexKey == null ? "" : hexKey.strip();
        if (!key.matches("([0-9A-Fa-f]{2}){16,64}")) {
            throw OperationRefused.onField("adyenHmacKey", "provider.hmacKeyInvalid");
        }
        ProviderAccount account = accountOf(portalId);
        if (account.getAdyenMerchantAccount() == null) {
            throw OperationRefused.onField("adyenMerchantAccount", "provider.adyenAccountFirst");
        }
        account.rotateAdyenKey(cipher.encrypt(key.toUpperCase(Locale.ROOT)), Instant.now(clock));
        save(account, "adyenHmacKey");
        audit(user, portalId, Map.of("adyenHmacKey", "rotated"));
    }

    /** Demo data only: a key that was rotated out at {@code rotatedAt}, so the grace period can be tried. */
    @Transactional
    public void seedPreviousAdyenKey(long portalId, String hexKey, Instant rotatedAt) {
        KontorUser user = requireAdmin();
        if (!user.isSystem()) {
            throw new AccessDeniedException("Only Kontor's demo set-up backdates a rotation");
        }
        accountOf(portalId).setPreviousAdyenKey(cipher.encrypt(hexKey.toUpperCase(Locale.ROOT)), rotatedAt);
    }

    private ProviderAccount accountOf(long portalId) {
        boolean ours = merchants.requireCurrent().portals().stream().anyMatch(p -> p.id() == portalId);
        if (!ours) {
            throw OperationRefused.because("provider.portalNotFound");
        }
        return accounts.findByPortalId(portalId).orElseGet(() -> new ProviderAccount(portalId, Instant.now(clock)));
    }

    private void save(ProviderAccount account, String field) {
        keys.forget();
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            throw OperationRefused.onField(field, "provider.identifierTaken");
        }
    }

    private KontorUser requireAdmin() {
        KontorUser user = currentUser.require();
        if (!user.isSystem() && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Provider accounts are set by the merchant's ADMIN");
        }
        return user;
    }

    private void audit(KontorUser user, long portalId, Map<String, Object> details) {
        Partition partition = currentTenancy.requirePartition();
        AuditEntry entry = new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                user.asActor(),
                AuditEventType.PROVIDER_ACCOUNT_CHANGED,
                null,
                null,
                null,
                details);
        auditLog.record(entry.withDetail("portalId", portalId));
    }
}
