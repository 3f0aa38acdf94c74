package com.kontor.accounting;

import com.kontor.money.Money;

/**
 * The sums of one currency over the filtered rows (TX-7): how many rows, money in (the positive amounts), money out
 * (the negative ones), their net; fees charged to debtors are summed on their own, since no money moved with them.
 */
public record PaymentSum(long count, Money moneyIn, Money moneyOut, Money net, Money fees) {}
