package com.kontor.tenancy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/** The allowed values of the merchant settings (ACC-6), checked the same way wherever settings are set. */
final class SettingsRules {

    /** UI languages Kontor speaks (PLAT-3). */
    static final Set<String> LANGUAGES = Set.of("de", "en");
    /** Currencies a merchant may choose as default. */
    static final Set<String> CURRENCIES = Set.of("EUR", "CHF", "GBP", "USD", "PLN", "CZK", "SEK", "DKK");

    private SettingsRules() {}

    static ZoneId timeZone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            throw OperationRefused.onField("timeZone", "settings.unknownTimeZone");
        }
    }

    static Locale language(String code) {
        if (!LANGUAGES.contains(code)) {
            throw OperationRefused.onField("defaultLanguage", "settings.unknownLanguage");
        }
        return Locale.of(code);
    }

    static Currency currency(String code) {
        if (!CURRENCIES.contains(code)) {
            throw OperationRefused.onField("defaultCurrency", "settings.unknownCurrency");
        }
        return Currency.getInstance(code);
    }
}
