package com.kontor.ledger;

import com.kontor.money.Money;
import java.util.List;

/** A debtor's balances, one per currency (TX-5), and its processes' TXIDs, newest first. */
public record DebtorBalances(List<Money> balances, List<Long> txids) {}
