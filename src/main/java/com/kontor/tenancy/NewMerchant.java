package com.kontor.tenancy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** The operator's form for a new merchant: its first portal and its first administrator. */
public class NewMerchant {

    @NotBlank
    @Size(max = 200)
    private String name = "";

    @NotBlank
    @Size(max = 100)
    private String firstPortalName = "";

    @NotBlank
    private String timeZone = "Europe/Berlin";

    @NotBlank
    private String defaultLanguage = "de";

    @NotBlank
    private String defaultCurrency = "EUR";

    private Set<BookedModule> modules = EnumSet.noneOf(BookedModule.class);

    @NotBlank
    @Email
    @Size(max = 254)
    private String adminEmail = "";

    @NotBlank
    @Size(max = 100)
    private String adminName = "";

    @NotBlank
    @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH)
    private String adminInitialPassword = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFirstPortalName() {
        return firstPortalName;
    }

    public void setFirstPortalName(String firstPortalName) {
        this.firstPortalName = firstPortalName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    public String getDefaultCurrency() {
        return defaultCurrency;
    }

    public void setDefaultCurrency(String defaultCurrency) {
        this.defaultCurrency = defaultCurrency;
    }

    public Set<BookedModule> getModules() {
        return modules;
    }

    public void setModules(Set<BookedModule> modules) {
        this.modules = modules;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    /** Surrounding whitespace is dropped before validation: a pasted address often carries some. */
    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail == null ? null : adminEmail.strip();
    }

    public String getAdminName() {
        return adminName;
    }

    public void setAdminName(String adminName) {
        this.adminName = adminName;
    }

    public String getAdminInitialPassword() {
        return adminInitialPassword;
    }

    public void setAdminInitialPassword(String adminInitialPassword) {
        this.adminInitialPassword = adminInitialPassword;
    }
}
