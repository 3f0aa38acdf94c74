package com.kontor.tenancy;

import com.kontor.money.Money;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** The merchant settings of ACC-6 as read by other modules. */
public record SettingsSnapshot(
        ZoneId timeZone,
        Locale defaultLanguage,
        Currency defaultCurrency,
        int paymentTermDays,
        boolean fourEyesEnabled,
        Money fourEyesThreshold,
        long version) {}
