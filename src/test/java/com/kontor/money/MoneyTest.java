package com.kontor.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void majorUnitsBecomeExactMinorUnits() {
        assertThat(Money.ofMajor(new BigDecimal("19.99"), EUR)).isEqualTo(Money.of(1999, "EUR"));
        assertThat(Money.ofMajor(new BigDecimal("1000"), Currency.getInstance("JPY"))
                        .minor())
                .isEqualTo(1000);
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefused() {
        assertThatThrownBy(() -> Money.ofMajor(new BigDecimal("0.001"), EUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimals");
    }

    @Test
    void differentCurrenciesDoNotMix() {
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "GBP")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsAsAPersonReadsItInTheirLocale() {
        assertThat(Money.of(123450, "EUR").format(Locale.GERMANY)).isEqualTo("1.234,50\u00a0€");
        assertThat(Money.of(123450, "GBP").format(Locale.UK)).isEqualTo("£1,234.50");
    }

    @Test
    void arithmeticIsExact() {
        Money sum = Money.of(10, "EUR").plus(Money.of(20, "EUR"));
        assertThat(sum.minor()).isEqualTo(30);
        assertThat(sum.minus(Money.of(31, "EUR")).isNegative()).isTrue();
    }
}
