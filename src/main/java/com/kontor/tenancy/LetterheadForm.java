package com.kontor.tenancy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The admin's form for the letterhead (DOC-1). The logo is carried as checked bytes ({@link LetterheadService#checkLogo});
 * {@code version} is the saved letterhead's version, or -1 while none was saved (the form shows the master data).
 */
public class LetterheadForm {

    /** Number prefixes: 1 to 10 of A-Z, 0-9, hyphen, slash and dot, e.g. {@code RE-2026/}. */
    public static final String PREFIX = "[A-Z0-9/.-]{1,10}";

    @NotBlank
    @Size(max = 100)
    private String name;

    @NotBlank
    @Size(max = 100)
    private String street;

    @NotBlank
    @Size(max = 10)
    private String postcode;

    @NotBlank
    @Size(max = 100)
    private String city;

    @NotBlank
    @Size(min = 2, max = 2)
    private String country;

    @NotBlank
    @Email
    @Size(max = 254)
    private String email;

    @NotBlank
    @Size(max = 30)
    private String phone;

    @Size(max = 200)
    private String website;

    @NotBlank
    @Size(max = 100)
    private String bankName;

    @NotBlank
    @Size(max = 50)
    private String iban;

    @NotBlank
    @Size(max = 11)
    private String bic;

    @NotBlank
    @Size(max = 20)
    private String vatId;

    @NotBlank
    @Size(max = 200)
    private String registerEntry;

    @Size(max = 200)
    private String managingDirectors;

    @NotBlank
    private String defaultLanguage;

    @NotBlank
    @Pattern(regexp = PREFIX)
    private String invoicePrefix;

    @NotBlank
    @Pattern(regexp = PREFIX)
    private String creditNotePrefix;

    @NotNull
    @DecimalMin("0")
    @DecimalMax("100")
    @Digits(integer = 3, fraction = 2)
    private BigDecimal defaultVatPercent;

    private byte[] logo;
    private String logoMediaType;
    private long version = -1;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getBankName() {
        return bankName;
    }

    public void setBankName(String bankName) {
        this.bankName = bankName;
    }

    public String getIban() {
        return iban;
    }

    public void setIban(String iban) {
        this.iban = iban;
    }

    public String getBic() {
        return bic;
    }

    public void setBic(String bic) {
        this.bic = bic;
    }

    public String getVatId() {
        return vatId;
    }

    public void setVatId(String vatId) {
        this.vatId = vatId;
    }

    public String getRegisterEntry() {
        return registerEntry;
    }

    public void setRegisterEntry(String registerEntry) {
        this.registerEntry = registerEntry;
    }

    public String getManagingDirectors() {
        return managingDirectors;
    }

    public void setManagingDirectors(String managingDirectors) {
        this.managingDirectors = managingDirectors;
    }

    public String getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    public String getInvoicePrefix() {
        return invoicePrefix;
    }

    public void setInvoicePrefix(String invoicePrefix) {
        this.invoicePrefix = invoicePrefix;
    }

    public String getCreditNotePrefix() {
        return creditNotePrefix;
    }

    public void setCreditNotePrefix(String creditNotePrefix) {
        this.creditNotePrefix = creditNotePrefix;
    }

    public BigDecimal getDefaultVatPercent() {
        return defaultVatPercent;
    }

    public void setDefaultVatPercent(BigDecimal defaultVatPercent) {
        this.defaultVatPercent = defaultVatPercent;
    }

    public byte[] getLogo() {
        return logo;
    }

    public String getLogoMediaType() {
        return logoMediaType;
    }

    /** Sets the logo (bytes checked by {@link LetterheadService#checkLogo}) or, with nulls, removes it. */
    public void setLogo(byte[] logo, String logoMediaType) {
        this.logo = logo;
        this.logoMediaType = logo == null ? null : logoMediaType;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
