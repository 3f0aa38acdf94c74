package com.kontor.ledger;

import com.kontor.ledger.internal.Booking;
import com.kontor.ledger.internal.PaymentProcess;
import com.kontor.money.Money;
import java.util.Currency;
import java.util.List;

/** Turns the ledger's rows into its read types. */
final class ProcessMapping {

    private ProcessMapping() {}

    static ProcessDetails details(PaymentProcess p, List<Booking> bookings) {
        Currency currency = Currency.getInstance(p.getCurrency());
        ProcessDetails.Amounts amounts = new ProcessDetails.Amounts(
                new Money(p.getReceivable(), currency),
                new Money(p.getPreauthorized(), currency),
                new Money(p.getPaid(), currency),
                new Money(p.getRefunded(), currency),
                new Money(p.getBalance(), currency),
                new Money(p.getReserved(), currency));
        return new ProcessDetails(
                p.getTxid(),
                p.getPortalId(),
                p.getDebtorId(),
                p.getCustomerId(),
                p.getProcessType(),
                p.getPaymentMethod(),
                p.getReference(),
                p.getProvider(),
                p.getProviderReference(),
                new Money(p.getAmount(), currency),
                p.getStatus(),
                p.getDunningStatus(),
                p.getCreatedAt(),
                p.getDueDate(),
                p.getInvoiceNumber(),
                p.getErrorCode(),
                p.getErrorMessage(),
                p.getMandateId(),
                amounts,
                lines(bookings));
    }

    static Money money(long minor, String currency) {
        return new Money(minor, Currency.getInstance(currency));
    }

    static List<ProcessDetails.BookingLine> lines(List<Booking> bookings) {
        return bookings.stream().map(ProcessMapping::line).toList();
    }

    static ProcessDetails.BookingLine line(Booking b) {
        Currency currency = Currency.getInstance(b.getCurrency());
        return new ProcessDetails.BookingLine(
                b.getId() == null ? 0 : b.getId(),
                b.getBookedAt(),
                b.getType(),
                b.getReceivableType(),
                new Money(b.getDebit(), currency),
                new Money(b.getCredit(), currency),
                b.getProviderTxn());
    }
}
