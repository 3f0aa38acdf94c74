package com.kontor.api;

import com.kontor.money.Money;
import com.kontor.tenancy.OperationRefused;
import java.util.Currency;

/** Money on the wire (API.md): {@code {"value": 1999, "currency": "EUR"}}, value in minor units, ISO 4217. */
record MoneyJson(Long value, String currency) {

    static MoneyJson of(Money money) {
        return new MoneyJson(money.minor(), money.currency().getCurrencyCode());
    }

    /** The amount as given; errors name {@code <field>.value} or {@code <field>.currency}. */
    Money toMoney(String field) {
        if (value == null || value <= 0) {
            throw OperationRefused.onField(field + ".value", "payment.amountPositive");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw OperationRefused.onField(field + ".currency", "payment.currencyInvalid");
        }
        Currency parsed;
        try {
            parsed = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw OperationRefused.onField(field + ".currency", "payment.currencyInvalid");
        }
        return new Money(value, parsed);
    }
}
