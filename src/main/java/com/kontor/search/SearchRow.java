package com.kontor.search;

import com.kontor.money.Money;
import java.time.Instant;

/**
 * One row of the result (SRCH-3): a payment process with its debtor, or a debtor without any process (then the
 * process columns are empty).
 */
public record SearchRow(
        long debtorId,
        long debtorNumber,
        String lastName,
        String firstName,
        String company,
        Long txid,
        Instant createdAt,
        String paymentMethod,
        String status,
        String dunningStatus,
        Money receivable,
        Money preauthorized,
        Money paid,
        Money balance) {

    /** Name as the list shows it: "last name, first name", or the company. */
    public String name() {
        if (lastName == null) {
            return company == null ? (firstName == null ? "" : firstName) : company;
        }
        return firstName == null ? lastName : lastName + ", " + firstName;
    }
}
