package com.kontor.tenancy.internal;

import com.kontor.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.hibernate.annotations.Filter;

/** The merchant settings of ACC-6. Merchant scope. */
@Entity
@Table(name = "merchant_settings")
@Filter(name = PlatformScope.MERCHANT_FILTER)
public class MerchantSettings {

    @Id
    @Column(name = "merchant_id")
    private Long merchantId;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "default_language")
    private String defaultLanguage;

    @Column(name = "default_currency")
    private String defaultCurrency;

    @Column(name = "payment_term_days")
    private int paymentTermDays;

    @Column(name = "four_eyes_enabled")
    private boolean fourEyesEnabled;

    @Column(name = "four_eyes_threshold_minor")
    private long fourEyesThresholdMinor;

    @Column(name = "four_eyes_threshold_currency")
    private String fourEyesThresholdCurrency;

    @Version
    private long version;

    protected MerchantSettings() {}

    public MerchantSettings(long merchantId, ZoneId timeZone, Locale language, Currency currency) {
        this.merchantId = merchantId;
        this.timeZone = timeZone.getId();
        this.defaultLanguage = language.getLanguage();
        this.defaultCurrency = currency.getCurrencyCode();
        this.paymentTermDays = 14;
        this.fourEyesEnabled = false;
        this.fourEyesThresholdMinor = 0;
        this.fourEyesThresholdCurrency = currency.getCurrencyCode();
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public Locale getDefaultLanguage() {
        return Locale.of(defaultLanguage);
    }

    public Currency getDefaultCurrency() {
        return Currency.getInstance(defaultCurrency);
    }

    public int getPaymentTermDays() {
        return paymentTermDays;
    }

    public boolean isFourEyesEnabled() {
        return fourEyesEnabled;
    }

    public Money getFourEyesThreshold() {
        return Money.of(fourEyesThresholdMinor, fourEyesThresholdCurrency);
    }

    public long getVersion() {
        return version;
    }

    public void update(
            ZoneId timeZone,
            Locale language,
            Currency currency,
            int paymentTermDays,
            boolean fourEyesEnabled,
            Money fourEyesThreshold) {
        this.timeZone = timeZone.getId();
        this.defaultLanguage = language.getLanguage();
        this.defaultCurrency = currency.getCurrencyCode();
        this.paymentTermDays = paymentTermDays;
        this.fourEyesEnabled = fourEyesEnabled;
        this.fourEyesThresholdMinor = fourEyesThreshold.minor();
        this.fourEyesThresholdCurrency = fourEyesThreshold.currency().getCurrencyCode();
    }
}
