package com.kontor.tenancy;

import com.kontor.money.Currencies;
import com.kontor.money.Money;
import java.math.BigDecimal;
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

    /**
     * A limit or threshold as an admin types it in major units: not negative, at most 99,999,999,999 minor units,
     * no more decimals than the currency has.
     */
    static Money amount(BigDecimal value, Currency currency, String field) {
        if (value == null || value.signum() < 0) {
            throw OperationRefused.onField(field, "money.notNegative");
        }
        if (value.movePointRight(currency.getDefaultFractionDigits())
                        .compareTo(BigDecimal.valueOf(Currencies.MAX_AMOUNT))
                > 0) {
            throw OperationRefused.onField(field, "money.tooLarge");
        }
        try {
            return Money.ofMajor(value, currency);
        } catch (IllegalArgumentException e) {
            throw OperationRefused.onField(field, "money.tooManyDecimals");
        }
    }

    static Currency currency(String code) {
        if (!CURRENCIES.contains(code)) {
            throw OperationRefused.onField("defaultCurrency", "settings.unknownCurrency");
        }
        return Currency.getInstance(code);
    }
}
