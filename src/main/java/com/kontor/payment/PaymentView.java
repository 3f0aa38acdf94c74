package com.kontor.payment;

import com.kontor.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A payment process as the API and the views show it, with its amounts from the bookings. */
public record PaymentView(
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
        Amounts amounts,
        List<BookingView> bookings) {

    /** The amounts of TX-9: receivable = Σ debit, paid = Σ credit, balance = receivable − paid. */
    public record Amounts(
            Money receivable, Money preauthorized, Money paid, Money refunded, Money balance, Money reserved) {}

    public record BookingView(
            long id,
            Instant bookedAt,
            BookingType type,
            ReceivableType receivableType,
            Money debit,
            Money credit,
            String providerTxn) {}
}
