package com.kontor.customer;

import com.kontor.blacklist.BlacklistEntrySummary;
import com.kontor.debtor.BankAccountSummary;
import com.kontor.debtor.CardSummary;
import com.kontor.debtor.DebtorDetails;
import com.kontor.ledger.ProcessDetails;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the debtor's detail view shows at one navigation (TX-6): the debtor, the selected process with its account,
 * how many processes the debtor has, its payment data (DEB-3, masked) and, where the merchant booked the risk module,
 * the blacklist entries of its values by their fingerprints (BL-2).
 */
public record CustomerOverview(
        DebtorDetails debtor,
        Optional<ProcessDetails> selected,
        int processCount,
        List<BankAccountSummary> bankAccounts,
        List<CardSummary> cards,
        boolean riskBooked,
        Map<String, BlacklistEntrySummary> blacklisted) {

    /** The blacklist entry of a value, by its fingerprint. */
    public Optional<BlacklistEntrySummary> blacklistEntry(String fingerprint) {
        return Optional.ofNullable(blacklisted.get(fingerprint));
    }
}
