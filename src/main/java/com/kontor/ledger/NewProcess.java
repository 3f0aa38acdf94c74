package com.kontor.ledger;

import com.kontor.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment process as it is created (TX-2): its TXID (drawn from {@link Ledger#nextTxid()}), portal, debtor, what
 * the shop asked for and the payment data and provider it uses. {@code debtorId} is null only for a refused payment
 * of a customer number Kontor does not know; {@code invoiceNumber} is set by the demo generator only.
 */
public record NewProcess(
        long txid,
        long portalId,
        Long debtorId,
        String customerId,
        String reference,
        ProcessType type,
        PaymentMethod method,
        Money amount,
        Instant createdAt,
        LocalDate dueDate,
        Long bankAccountId,
        Long mandateId,
        Long cardId,
        String provider,
        String providerReference,
        String invoiceNumber) {

    public NewProcess {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
