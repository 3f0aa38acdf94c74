package com.kontor.tenancy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** The admin's form for the merchant settings (ACC-6); amounts in major units of the default currency. */
public class SettingsForm {

    @NotBlank
    private String timeZone = "Europe/Berlin";

    @NotBlank
    private String defaultLanguage = "de";

    @NotBlank
    private String defaultCurrency = "EUR";

    @NotNull
    @Min(0)
    @Max(365)
    private Integer paymentTermDays = 14;

    private boolean fourEyesEnabled;

    @NotNull
    @PositiveOrZero
    private BigDecimal fourEyesThreshold = BigDecimal.ZERO;

    private long version;

    public static SettingsForm of(SettingsSnapshot s) {
        SettingsForm form = new SettingsForm();
        form.timeZone = s.timeZone().getId();
        form.defaultLanguage = s.defaultLanguage().getLanguage();
        form.defaultCurrency = s.defaultCurrency().getCurrencyCode();
        form.paymentTermDays = s.paymentTermDays();
        form.fourEyesEnabled = s.fourEyesEnabled();
        form.fourEyesThreshold = s.fourEyesThreshold().toMajor();
        form.version = s.version();
        return form;
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

    public Integer getPaymentTermDays() {
        return paymentTermDays;
    }

    public void setPaymentTermDays(Integer paymentTermDays) {
        this.paymentTermDays = paymentTermDays;
    }

    public boolean isFourEyesEnabled() {
        return fourEyesEnabled;
    }

    public void setFourEyesEnabled(boolean fourEyesEnabled) {
        this.fourEyesEnabled = fourEyesEnabled;
    }

    public BigDecimal getFourEyesThreshold() {
        return fourEyesThreshold;
    }

    public void setFourEyesThreshold(BigDecimal fourEyesThreshold) {
        this.fourEyesThreshold = fourEyesThreshold;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
