package com.kontor.tenancy;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.tenancy.internal.Merchant;
import com.kontor.tenancy.internal.MerchantLetterhead;
import com.kontor.tenancy.internal.MerchantLetterheadRepository;
import com.kontor.tenancy.internal.MerchantRepository;
import com.kontor.tenancy.internal.MerchantSettingsRepository;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The merchant's letterhead (DOC-1): read by whoever renders a document for the current merchant, edited by the
 * merchant's ADMIN. Until an admin saves one, the letterhead is made of the merchant's master data (name, address,
 * VAT id), German or English as the merchant's settings say, 19 % VAT and the prefixes "RE-" and "GS-".
 */
@Service
@Validated
public class LetterheadService {

    static final BigDecimal FALLBACK_VAT_PERCENT = BigDecimal.valueOf(19);
    static final String FALLBACK_INVOICE_PREFIX = "RE-";
    static final String FALLBACK_CREDIT_NOTE_PREFIX = "GS-";

    private final MerchantLetterheadRepository letterheads;
    private final MerchantRepository merchants;
    private final MerchantSettingsRepository settings;
    private final CurrentTenancy tenancy;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    public LetterheadService(
            MerchantLetterheadRepository letterheads,
            MerchantRepository merchants,
            MerchantSettingsRepository settings,
            CurrentTenancy tenancy,
            CurrentUser currentUser,
            AuditLog auditLog) {
        this.letterheads = letterheads;
        this.merchants = merchants;
        this.settings = settings;
        this.tenancy = tenancy;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    /** The current merchant's letterhead, or one made of its master data while none was saved. */
    @Transactional(readOnly = true)
    public Letterhead current() {
        long merchantId = tenancy.merchantId().orElseThrow(() -> new IllegalStateException("No current merchant"));
        return current(merchantId);
    }

    private Letterhead current(long merchantId) {
        return letterheads.findById(merchantId).map(LetterheadService::of).orElseGet(() -> fallback(merchantId));
    }

    /** The form for the admin: the saved letterhead, or the master data with version -1. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public LetterheadForm form() {
        long merchantId = currentUser.requireMerchantId();
        LetterheadForm form = toForm(current());
        form.setVersion(letterheads
                .findById(merchantId)
                .map(MerchantLetterhead::getVersion)
                .orElse(-1L));
        return form;
    }

    /** Checks an uploaded logo and answers its media type; refuses on the field "logo" with the reason. */
    public String checkLogo(byte[] bytes) {
        return LetterheadLogo.check(bytes);
    }

    /**
     * Saves the letterhead, audited with the changed fields; refuses (naming the field) a value of the wrong format,
     * and refuses the whole form if someone saved the letterhead meanwhile.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void save(@Valid LetterheadForm form) {
        KontorUser user = currentUser.require();
        save(currentUser.requireMerchantId(), form, user.asActor());
    }

    /**
     * The letterhead of a merchant Kontor itself creates with its demo data (no person: the system principal of
     * {@link SystemScope}); checked and audited like an admin's save.
     */
    @Transactional
    public void seed(long merchantId, @Valid LetterheadForm form) {
        KontorUser user = currentUser.require();
        if (!user.isSystem()) {
            throw new org.springframework.security.access.AccessDeniedException("Only Kontor itself seeds letterheads");
        }
        save(merchantId, form, user.asActor());
    }

    private void save(long merchantId, LetterheadForm form, com.kontor.audit.Actor actor) {
        MerchantLetterhead saved = letterheads.findById(merchantId).orElse(null);
        long savedVersion = saved == null ? -1 : saved.getVersion();
        if (savedVersion != form.getVersion()) {
            throw OperationRefused.because("letterhead.changedMeanwhile");
        }
        String country = form.getCountry().trim().toUpperCase(Locale.ROOT);
        if (!AddressRules.COUNTRIES.contains(country)) {
            throw OperationRefused.onField("country", "edit.invalid.country");
        }
        String postcode = form.getPostcode().trim();
        String postcodeProblem = AddressRules.postcodeProblem(country, postcode);
        if (postcodeProblem != null) {
            throw OperationRefused.onField("postcode", "edit.invalid." + postcodeProblem);
        }
        String phone = form.getPhone().trim();
        if (!AddressRules.isPhoneNumber(phone, country)) {
            throw OperationRefused.onField("phone", "letterhead.invalid.phone");
        }
        String vatId = form.getVatId().toUpperCase(Locale.ROOT).replaceAll("[ .-]", ""); // printed compact
        if (!AddressRules.isVatId(vatId)) {
            throw OperationRefused.onField("vatId", "edit.invalid.vatId");
        }
        String iban = iban(form.getIban());
        String bic = form.getBic().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        try {
            BicUtil.validate(bic);
        } catch (BicFormatException | UnsupportedCountryException e) {
            throw OperationRefused.onField("bic", "bic.invalid");
        }
        String language = form.getDefaultLanguage();
        if (!SettingsRules.LANGUAGES.contains(language)) {
            throw OperationRefused.onField("defaultLanguage", "settings.unknownLanguage");
        }
        if (Objects.equals(form.getInvoicePrefix(), form.getCreditNotePrefix())) {
            // numbers run per type: one prefix for both would give invoice 1 and credit note 1 the same number
            throw OperationRefused.onField("creditNotePrefix", "letterhead.samePrefix");
        }
        if (form.getLogo() != null && !Objects.equals(LetterheadLogo.check(form.getLogo()), form.getLogoMediaType())) {
            throw OperationRefused.onField("logo", "letterhead.logo.type");
        }

        Letterhead before = current(merchantId);
        MerchantLetterhead entity = saved == null ? new MerchantLetterhead(merchantId) : saved;
        entity.update(
                form.getName().trim(),
                form.getStreet().trim(),
                postcode,
                form.getCity().trim(),
                country,
                form.getEmail().trim(),
                phone,
                blankToNull(form.getWebsite()),
                form.getBankName().trim(),
                iban,
                bic,
                vatId,
                form.getRegisterEntry().trim(),
                blankToNull(form.getManagingDirectors()),
                language,
                plain(form.getDefaultVatPercent()),
                form.getInvoicePrefix(),
                form.getCreditNotePrefix());
        entity.setLogo(form.getLogo(), form.getLogoMediaType());
        letterheads.saveAndFlush(entity);
        Letterhead after = of(entity);

        AuditEntry entry = AuditEntry.of(merchantId, actor, AuditEventType.LETTERHEAD_CHANGED);
        entry = changed(entry, "name", before.name(), after.name());
        entry = changed(entry, "street", before.street(), after.street());
        entry = changed(entry, "postcode", before.postcode(), after.postcode());
        entry = changed(entry, "city", before.city(), after.city());
        entry = changed(entry, "country", before.country(), after.country());
        entry = changed(entry, "email", before.email(), after.email());
        entry = changed(entry, "phone", before.phone(), after.phone());
        entry = changed(entry, "website", before.website(), after.website());
        entry = changed(entry, "bankName", before.bankName(), after.bankName());
        entry = changed(entry, "iban", before.iban(), after.iban());
        entry = changed(entry, "bic", before.bic(), after.bic());
        entry = changed(entry, "vatId", before.vatId(), after.vatId());
        entry = changed(entry, "registerEntry", before.registerEntry(), after.registerEntry());
        entry = changed(entry, "managingDirectors", before.managingDirectors(), after.managingDirectors());
        entry = changed(entry, "defaultLanguage", before.defaultLanguage(), after.defaultLanguage());
        entry = changed(
                entry,
                "defaultVatPercent",
                before.defaultVatPercent().toPlainString(),
                after.defaultVatPercent().toPlainString());
        entry = changed(entry, "invoicePrefix", before.invoicePrefix(), after.invoicePrefix());
        entry = changed(entry, "creditNotePrefix", before.creditNotePrefix(), after.creditNotePrefix());
        if (!Arrays.equals(before.logo(), after.logo())) {
            entry = entry.withChange("logo", describeLogo(before), describeLogo(after));
        }
        auditLog.record(entry);
    }

    private static String iban(String input) {
        String iban = input.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        try {
            IbanUtil.validate(iban);
        } catch (InvalidCheckDigitException e) {
            throw OperationRefused.onField("iban", "iban.checkDigit");
        } catch (UnsupportedCountryException e) {
            throw OperationRefused.onField("iban", "iban.country");
        } catch (IbanFormatException e) {
            throw OperationRefused.onField("iban", "iban.format");
        }
        return iban;
    }

    private static String describeLogo(Letterhead letterhead) {
        return letterhead.hasLogo() ? letterhead.logoMediaType() + ", " + letterhead.logo().length + " bytes" : "none";
    }

    private static AuditEntry changed(AuditEntry entry, String key, Object before, Object after) {
        return Objects.equals(before, after)
                ? entry
                : entry.withChange(key, before == null ? "" : before.toString(), after == null ? "" : after.toString());
    }

    /** 19.00 from the database as 19, 5.50 as 5.5 (and 20 not as 2E+1). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Letterhead fallback(long merchantId) {
        Merchant merchant = merchants
                .findById(merchantId)
                .orElseThrow(() -> new IllegalStateException("Merchant " + merchantId + " not found"));
        Locale language =
                settings.findById(merchantId).map(s -> s.getDefaultLanguage()).orElse(Locale.GERMAN);
        return new Letterhead(
                merchant.getName(),
                merchant.getStreet(),
                merchant.getPostcode(),
                merchant.getCity(),
                merchant.getCountry(),
                null,
                null,
                null,
                null,
                null,
                null,
                merchant.getVatId(),
                null,
                null,
                null,
                null,
                language,
                FALLBACK_VAT_PERCENT,
                FALLBACK_INVOICE_PREFIX,
                FALLBACK_CREDIT_NOTE_PREFIX);
    }

    private static Letterhead of(MerchantLetterhead l) {
        return new Letterhead(
                l.getName(),
                l.getStreet(),
                l.getPostcode(),
                l.getCity(),
                l.getCountry(),
                l.getEmail(),
                l.getPhone(),
                l.getWebsite(),
                l.getBankName(),
                l.getIban(),
                l.getBic(),
                l.getVatId(),
                l.getRegisterEntry(),
                l.getManagingDirectors(),
                l.getLogo(),
                l.getLogoMediaType(),
                Locale.of(l.getDefaultLanguage()),
                plain(l.getDefaultVatPercent()),
                l.getInvoicePrefix(),
                l.getCreditNotePrefix());
    }

    private static LetterheadForm toForm(Letterhead l) {
        LetterheadForm form = new LetterheadForm();
        form.setName(l.name());
        form.setStreet(l.street());
        form.setPostcode(l.postcode());
        form.setCity(l.city());
        form.setCountry(l.country());
        form.setEmail(l.email());
        form.setPhone(l.phone());
        form.setWebsite(l.website());
        form.setBankName(l.bankName());
        form.setIban(l.iban());
        form.setBic(l.bic());
        form.setVatId(l.vatId());
        form.setRegisterEntry(l.registerEntry());
        form.setManagingDirectors(l.managingDirectors());
        form.setDefaultLanguage(l.defaultLanguage().getLanguage());
        form.setDefaultVatPercent(l.defaultVatPercent());
        form.setInvoicePrefix(l.invoicePrefix());
        form.setCreditNotePrefix(l.creditNotePrefix());
        form.setLogo(l.logo(), l.logoMediaType());
        return form;
    }
}
