package com.kontor.ledger;

import com.kontor.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Debits, credits and balance per currency (TX-5): the one place where amounts of several processes are summed, for
 * a debtor's balances as for the totals under its customer account. Sums are exact: an overflow throws instead of
 * changing sign.
 */
public final class AccountTotals {

    /** The totals of one currency; balance = debit − credit. */
    public record Total(Money debit, Money credit, Money balance) {}

    private final Map<Currency, long[]> sums = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));

    /** Adds a debit and a credit of the same currency. */
    public AccountTotals add(Money debit, Money credit) {
        if (!debit.currency().equals(credit.currency())) {
            throw new IllegalArgumentException("debit and credit in different currencies");
        }
        long[] sum = sums.computeIfAbsent(debit.currency(), c -> new long[2]);
        sum[0] = Math.addExact(sum[0], debit.minor());
        sum[1] = Math.addExact(sum[1], credit.minor());
        return this;
    }

    /** One total per currency, ordered by currency code. */
    public List<Total> totals() {
        List<Total> totals = new ArrayList<>(sums.size());
        sums.forEach((currency, sum) -> totals.add(new Total(
                new Money(sum[0], currency),
                new Money(sum[1], currency),
                new Money(Math.subtractExact(sum[0], sum[1]), currency))));
        return totals;
    }

    /** The balance per currency, ordered by currency code. */
    public List<Money> balances() {
        return totals().stream().map(Total::balance).toList();
    }
}
