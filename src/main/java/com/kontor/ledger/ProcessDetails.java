package com.kontor.ledger;

import com.kontor.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment process as the API and the views show it, with its amounts from the bookings; {@code bookings} is empty
 * where a list of processes shows them without their accounts.
 */
public record ProcessDetails(
        long txid,
        long portalId,
        Long debtorId,
        String customerId,
        ProcessType type,
        PaymentMethod paymentMethod,
        String reference,
        String provider,
        String providerReference,
        Money amount,
        ProcessStatus status,
        DunningStatus dunningStatus,
        Instant createdAt,
        LocalDate dueDate,
        String invoiceNumber,
        String errorCode,
        String errorMessage,
        Long mandateId,
        Amounts amounts,
        List<BookingLine> bookings) {

    /** The amounts of TX-9: receivable = Σ debit, paid = Σ credit, balance = receivable − paid. */
    public record Amounts(
            Money receivable, Money preauthorized, Money paid, Money refunded, Money balance, Money reserved) {}

    /** One booking of the process account (TX-4). */
    public record BookingLine(
            long id,
            Instant bookedAt,
            BookingType type,
            ReceivableType receivableType,
            Money debit,
            Money credit,
            String providerTxn) {}
}
