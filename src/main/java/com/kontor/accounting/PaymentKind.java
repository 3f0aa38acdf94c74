package com.kontor.accounting;

import com.kontor.ledger.BookingType;
import com.kontor.ledger.PaymentMethod;

/**
 * What a row of the payments list is (TX-7): the ledger's money-moving booking types, with one split the ledger does
 * not make: a chargeback of a direct debit is the bank's returned debit (the ledger books both as
 * {@link BookingType#CHARGEBACK}; see {@code Ledger.append}, which tells them apart the same way).
 */
public enum PaymentKind {
    PAYMENT(BookingType.PAYMENT),
    REFUND(BookingType.REFUND),
    CHARGEBACK(BookingType.CHARGEBACK),
    RETURNED_DEBIT(BookingType.CHARGEBACK),
    CHARGEBACK_REVERSAL(BookingType.CHARGEBACK_REVERSAL),
    FEE(BookingType.FEE);

    private final BookingType bookingType;

    PaymentKind(BookingType bookingType) {
        this.bookingType = bookingType;
    }

    public BookingType bookingType() {
        return bookingType;
    }

    /** The kind of a booking of this type on a process of this payment method. */
    public static PaymentKind of(BookingType type, PaymentMethod method) {
        return switch (type) {
            case PAYMENT -> PAYMENT;
            case REFUND -> REFUND;
            case CHARGEBACK -> method == PaymentMethod.DIRECT_DEBIT ? RETURNED_DEBIT : CHARGEBACK;
            case CHARGEBACK_REVERSAL -> CHARGEBACK_REVERSAL;
            case FEE -> FEE;
            default -> throw new IllegalArgumentException("not in the payments list: " + type);
        };
    }

    /** The SQL condition on booking {@code b} and process {@code p} that selects this kind. */
    String condition() {
        return switch (this) {
            case CHARGEBACK -> "(b.booking_type = 'CHARGEBACK' and p.payment_method <> 'DIRECT_DEBIT')";
            case RETURNED_DEBIT -> "(b.booking_type = 'CHARGEBACK' and p.payment_method = 'DIRECT_DEBIT')";
            default -> "b.booking_type = '" + bookingType.name() + "'";
        };
    }

    /**
     * The row's signed amount from a booking's debit and credit: the credit side is the money (in +, out −); a fee is
     * charged to the debtor on the debit side (charged +, taken back −).
     */
    public long signedAmount(long debit, long credit) {
        return this == FEE ? debit : credit;
    }
}
