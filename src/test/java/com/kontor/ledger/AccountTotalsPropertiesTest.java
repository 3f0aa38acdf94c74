package com.kontor.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.money.Currencies;
import com.kontor.money.Money;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 15, item 1: sums of money are exact. Random amounts near the largest an amount may be, in two currencies,
 * summed per currency by the one place that sums them (TX-5), always agree with an exact sum and never change sign;
 * amounts beyond any sane range make the sum refuse with an exception rather than wrap.
 */
class AccountTotalsPropertiesTest {

    @Provide
    Arbitrary<List<Long>> nearTheLimit() {
        return Arbitraries.longs()
                .between(Currencies.MAX_AMOUNT - 1_000, Currencies.MAX_AMOUNT)
                .list()
                .ofMinSize(1)
                .ofMaxSize(500);
    }

    @Property(tries = 300)
    void totalsNearTheLimitAreExactAndKeepTheirSign(
            @ForAll("nearTheLimit") List<Long> debits, @ForAll("nearTheLimit") List<Long> credits) {
        AccountTotals totals = new AccountTotals();
        BigInteger debit = BigInteger.ZERO;
        BigInteger credit = BigInteger.ZERO;
        for (int i = 0; i < Math.max(debits.size(), credits.size()); i++) {
            long d = i < debits.size() ? debits.get(i) : 0;
            long c = i < credits.size() ? credits.get(i) : 0;
            String currency = i % 2 == 0 ? "EUR" : "GBP";
            totals.add(Money.of(d, currency), Money.of(c, currency));
            if (currency.equals("EUR")) {
                debit = debit.add(BigInteger.valueOf(d));
                credit = credit.add(BigInteger.valueOf(c));
            }
        }
        AccountTotals.Total eur = totals.totals().stream()
                .filter(t -> t.balance().currency().getCurrencyCode().equals("EUR"))
                .findFirst()
                .orElseThrow();
        assertThat(BigInteger.valueOf(eur.debit().minor())).isEqualTo(debit);
        assertThat(BigInteger.valueOf(eur.credit().minor())).isEqualTo(credit);
        assertThat(Long.signum(eur.balance().minor()))
                .isEqualTo(debit.subtract(credit).signum());
    }

    @Property(tries = 100)
    void amountsBeyondAnySaneRangeAreRefusedNotWrapped(@ForAll("huge") long first, @ForAll("huge") long second) {
        AccountTotals totals = new AccountTotals().add(Money.of(first, "EUR"), Money.of(0, "EUR"));
        assertThatThrownBy(() -> totals.add(Money.of(second, "EUR"), Money.of(0, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Provide
    Arbitrary<Long> huge() {
        return Arbitraries.longs().between(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE);
    }
}
