package com.kontor.tenancy.internal;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import org.hibernate.annotations.Filter;

/** The merchant's letterhead (DOC-1), one row per merchant. Merchant scope. */
@Entity
@Table(name = "merchant_letterhead")
@Filter(name = PlatformScope.MERCHANT_FILTER)
public class MerchantLetterhead {

    @Id
    @Column(name = "merchant_id")
    private Long merchantId;

    private String name;
    private String street;
    private String postcode;
    private String city;
    private String country;
    private String email;
    private String phone;
    private String website;

    @Column(name = "bank_name")
    private String bankName;

    private String iban;
    private String bic;

    @Column(name = "vat_id")
    private String vatId;

    @Column(name = "register_entry")
    private String registerEntry;

    @Column(name = "managing_directors")
    private String managingDirectors;

    @Basic(fetch = FetchType.EAGER)
    private byte[] logo;

    @Column(name = "logo_media_type")
    private String logoMediaType;

    @Column(name = "default_language")
    private String defaultLanguage;

    @Column(name = "default_vat_percent")
    private BigDecimal defaultVatPercent;

    @Column(name = "invoice_prefix")
    private String invoicePrefix;

    @Column(name = "credit_note_prefix")
    private String creditNotePrefix;

    @Version
    private long version;

    protected MerchantLetterhead() {}

    public MerchantLetterhead(long merchantId) {
        this.merchantId = merchantId;
    }

    /** All values at once: the form is checked as a whole before. */
    public void update(
            String name,
            String street,
            String postcode,
            String city,
            String country,
            String email,
            String phone,
            String website,
            String bankName,
            String iban,
            String bic,
            String vatId,
            String registerEntry,
            String managingDirectors,
            String defaultLanguage,
            BigDecimal defaultVatPercent,
            String invoicePrefix,
            String creditNotePrefix) {
        this.name = name;
        this.street = street;
        this.postcode = postcode;
        this.city = city;
        this.country = country;
        this.email = email;
        this.phone = phone;
        this.website = website;
        this.bankName = bankName;
        this.iban = iban;
        this.bic = bic;
        this.vatId = vatId;
        this.registerEntry = registerEntry;
        this.managingDirectors = managingDirectors;
        this.defaultLanguage = defaultLanguage;
        this.defaultVatPercent = defaultVatPercent;
        this.invoicePrefix = invoicePrefix;
        this.creditNotePrefix = creditNotePrefix;
    }

    /** Sets or (with nulls) removes the logo. */
    public void setLogo(byte[] logo, String mediaType) {
        this.logo = logo;
        this.logoMediaType = logo == null ? null : mediaType;
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public String getName() {
        return name;
    }

    public String getStreet() {
        return street;
    }

    public String getPostcode() {
        return postcode;
    }

    public String getCity() {
        return city;
    }

    public String getCountry() {
        return country;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getWebsite() {
        return website;
    }

    public String getBankName() {
        return bankName;
    }

    public String getIban() {
        return iban;
    }

    public String getBic() {
        return bic;
    }

    public String getVatId() {
        return vatId;
    }

    public String getRegisterEntry() {
        return registerEntry;
    }

    public String getManagingDirectors() {
        return managingDirectors;
    }

    public byte[] getLogo() {
        return logo;
    }

    public String getLogoMediaType() {
        return logoMediaType;
    }

    public String getDefaultLanguage() {
        return defaultLanguage;
    }

    public BigDecimal getDefaultVatPercent() {
        return defaultVatPercent;
    }

    public String getInvoicePrefix() {
        return invoicePrefix;
    }

    public String getCreditNotePrefix() {
        return creditNotePrefix;
    }

    public long getVersion() {
        return version;
    }
}
