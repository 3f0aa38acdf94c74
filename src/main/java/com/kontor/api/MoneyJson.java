package com.kontor.api;

import com.kontor.money.Currencies;
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
        if (value == null || !Currencies.inRange(value)) {
            throw OperationRefused.onField(field + ".value", "payment.amountRange");
        }
        Currency parsed = Currencies.active(currency)
                .orElseThrow(() -> OperationRefused.onField(field + ".currency", "payment.currencyInvalid"));
        return new Money(value, parsed);
    }
}
