package com.kontor.tenancy;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.money.Money;
import com.kontor.tenancy.internal.MerchantSettings;
import com.kontor.tenancy.internal.MerchantSettingsRepository;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The merchant settings of ACC-6, edited by the merchant's ADMIN. */
@Service
@Validated
@PreAuthorize("hasRole('ADMIN')")
public class MerchantSettingsService {

    /** UI languages Kontor speaks (PLAT-3). */
    public static final Set<String> LANGUAGES = SettingsRules.LANGUAGES;
    /** Currencies a merchant may choose as default. */
    public static final Set<String> CURRENCIES = SettingsRules.CURRENCIES;

    private final MerchantSettingsRepository settings;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final MerchantDirectory merchantDirectory;

    public MerchantSettingsService(
            MerchantSettingsRepository settings,
            CurrentUser currentUser,
            AuditLog auditLog,
            MerchantDirectory merchantDirectory) {
        this.merchantDirectory = merchantDirectory;
        this.settings = settings;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public SettingsForm current() {
        return SettingsForm.of(MerchantDirectory.snapshot(load()));
    }

    /** Saves the settings; refuses if someone saved them meanwhile (the form's version is stale). */
    @Transactional
    public void update(@Valid SettingsForm form) {
        MerchantSettings s = load();
        if (s.getVersion() != form.getVersion()) {
            throw OperationRefused.because("settings.changedMeanwhile");
        }
        ZoneId zone = SettingsRules.timeZone(form.getTimeZone());
        Locale language = SettingsRules.language(form.getDefaultLanguage());
        Currency currency = SettingsRules.currency(form.getDefaultCurrency());
        Money threshold = SettingsRules.amount(form.getFourEyesThreshold(), currency, "fourEyesThreshold");
        SettingsSnapshot before = MerchantDirectory.snapshot(s);
        s.update(zone, language, currency, form.getPaymentTermDays(), form.isFourEyesEnabled(), threshold);
        merchantDirectory.evict(currentUser.requireMerchantId());
        SettingsSnapshot after = MerchantDirectory.snapshot(s);
        KontorUser user = currentUser.require();
        AuditEntry entry = AuditEntry.of(user.merchantId(), user.asActor(), AuditEventType.MERCHANT_SETTINGS_CHANGED);
        entry = changed(entry, "timeZone", before.timeZone(), after.timeZone());
        entry = changed(entry, "defaultLanguage", before.defaultLanguage(), after.defaultLanguage());
        entry = changed(entry, "defaultCurrency", before.defaultCurrency(), after.defaultCurrency());
        entry = changed(entry, "paymentTermDays", before.paymentTermDays(), after.paymentTermDays());
        entry = changed(entry, "fourEyesEnabled", before.fourEyesEnabled(), after.fourEyesEnabled());
        entry = changed(entry, "fourEyesThreshold", before.fourEyesThreshold(), after.fourEyesThreshold());
        auditLog.record(entry);
    }

    private static AuditEntry changed(AuditEntry entry, String key, Object before, Object after) {
        return before.equals(after) ? entry : entry.withChange(key, before.toString(), after.toString());
    }

    private MerchantSettings load() {
        return settings.findById(currentUser.requireMerchantId())
                .orElseThrow(() -> new IllegalStateException("Merchant has no settings"));
    }
}
