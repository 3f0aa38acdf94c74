package com.kontor.accounting;

import java.time.LocalDate;

/**
 * One line of the accounting journal (ACCT-1), as DATEV books it: {@code amount} (minor units, positive) on
 * {@code account}, debit ("S") when {@code debit}, credit ("H") otherwise, against {@code contraAccount}.
 *
 * @param document the process's invoice number, else its TXID (DATEV's "Belegfeld 1")
 * @param bookingId the ledger booking it comes from; null for another source (a provider's settlement fee)
 */
public record JournalLine(
        LocalDate date,
        long amount,
        String currency,
        String account,
        String contraAccount,
        boolean debit,
        String document,
        String text,
        Long txid,
        Long bookingId) {

    public JournalLine {
        if (amount <= 0) {
            throw new IllegalArgumentException("a journal line books a positive amount: " + amount);
        }
    }

    /** A line for a signed amount: a negative one books the same accounts the other way round. */
    static JournalLine signed(
            LocalDate date,
            long signedAmount,
            String currency,
            String account,
            String contraAccount,
            String document,
            String text,
            Long txid,
            Long bookingId) {
        return new JournalLine(
                date,
                Math.abs(signedAmount),
                currency,
                account,
                contraAccount,
                signedAmount > 0,
                document,
                text,
                txid,
                bookingId);
    }

    public String debitAccount() {
        return debit ? account : contraAccount;
    }

    public String creditAccount() {
        return debit ? contraAccount : account;
    }
}
