package com.kontor.ledger;

import com.kontor.ledger.internal.Booking;
import com.kontor.ledger.internal.LedgerRules;
import com.kontor.ledger.internal.PaymentProcess;
import com.kontor.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A process account (TX-4) that takes events: every event of TX-9 a process can go through, applied by the ledger's
 * rules, which append its bookings and change its summary together or refuse it with an
 * {@link IllegalStateException} or {@link IllegalArgumentException} and change nothing. A {@link LockedProcess} writes
 * what it books in the caller's transaction; a {@link PlayedProcess} collects it for a bulk write. Each event answers
 * the bookings it appended.
 */
public abstract sealed class ProcessAccount permits LockedProcess, PlayedProcess {

    final PaymentProcess process;
    private final BookingSource source;
    private Instant at;

    ProcessAccount(PaymentProcess process, Instant at, BookingSource source) {
        this.process = process;
        this.at = at;
        this.source = source;
    }

    /** Hears each event: the bookings it appended (maybe none) and the status before it; answers them as lines. */
    abstract List<ProcessDetails.BookingLine> booked(List<Booking> bookings, ProcessStatus before);

    /** Books the following events at {@code time}. */
    void moveTo(Instant time) {
        this.at = time;
    }

    private LedgerRules rules() {
        return LedgerRules.at(at, source);
    }

    private List<ProcessDetails.BookingLine> record(ProcessStatus before, List<Booking> bookings) {
        return booked(bookings, before);
    }

    // ------------------------------------------------------------------------------------------------ reading

    public long txid() {
        return process.getTxid();
    }

    public Long debtorId() {
        return process.getDebtorId();
    }

    public String reference() {
        return process.getReference();
    }

    public ProcessType type() {
        return process.getProcessType();
    }

    public PaymentMethod method() {
        return process.getPaymentMethod();
    }

    public Currency currency() {
        return Currency.getInstance(process.getCurrency());
    }

    public ProcessStatus status() {
        return process.getStatus();
    }

    public LocalDate dueDate() {
        return process.getDueDate();
    }

    public Instant createdAt() {
        return process.getCreatedAt();
    }

    public String provider() {
        return process.getProvider();
    }

    public String providerReference() {
        return process.getProviderReference();
    }

    /** The amount the shop asked for, in minor units. */
    public long amount() {
        return process.getAmount();
    }

    /** Σ debit. */
    public long receivable() {
        return process.getReceivable();
    }

    /** Σ credit. */
    public long paid() {
        return process.getPaid();
    }

    /** Money taken in: payments minus chargebacks (refund payouts excluded). */
    public long collected() {
        return process.getCollected();
    }

    public long refunded() {
        return process.getRefunded();
    }

    public long preauthorized() {
        return process.getPreauthorized();
    }

    /** Pending (four-eyes) and in-flight refunds. */
    public long reserved() {
        return process.getReserved();
    }

    /** Executed plus pending refunds: what the four-eyes threshold is compared with. */
    public long refundsRequested() {
        return process.getRefundsRequested();
    }

    /** receivable − paid. */
    public long balance() {
        return process.getBalance();
    }

    /** What may still leave as refunds: collected − refunded − reserved (TX-9). */
    public long refundable() {
        return process.getRefundable();
    }

    /** The last sequence number of the provider's notifications applied to this process, -1 before the first. */
    public int providerSequence() {
        return process.getPayoneSequence();
    }

    /** The process's version: it rises with every change, so an operation can refuse a stale dialog. */
    public long version() {
        return process.getVersion();
    }

    /** An amount of this process's currency. */
    public Money money(long minor) {
        return new Money(minor, currency());
    }

    // ------------------------------------------------------------------------------------------------- events

    /** Invoice, prepayment, cash on delivery: OPEN; direct debit: IN_PROCESSING; the receivable booked. */
    public List<ProcessDetails.BookingLine> opened(String providerTxn) {
        ProcessStatus before = status();
        return record(before, rules().opened(process, providerTxn));
    }

    public List<ProcessDetails.BookingLine> preauthorised() {
        ProcessStatus before = status();
        return record(before, rules().preauthorised(process));
    }

    public List<ProcessDetails.BookingLine> authorised(String providerTxn) {
        ProcessStatus before = status();
        return record(before, rules().authorised(process, providerTxn));
    }

    /** A capture of the pre-authorisation; paid too when the provider confirmed the money with it. */
    public List<ProcessDetails.BookingLine> captured(long amount, String providerTxn, boolean paid) {
        ProcessStatus before = status();
        return record(before, rules().captured(process, amount, providerTxn, paid));
    }

    public List<ProcessDetails.BookingLine> paymentReceived(long amount, String providerTxn) {
        ProcessStatus before = status();
        return record(before, rules().paymentReceived(process, amount, providerTxn));
    }

    /**
     * The difference between what a provider's settlement report paid and what was booked (PSP-4), booked as a payment
     * (negative: less arrived); answers its booking.
     */
    public List<ProcessDetails.BookingLine> settlementCorrected(long difference, String providerTxn) {
        ProcessStatus before = status();
        return record(before, rules().settlementCorrected(process, difference, providerTxn));
    }

    /** A refund asked for: its amount is reserved and counts towards the four-eyes threshold. */
    public void refundReserved(long amount) {
        ProcessStatus before = status();
        rules().refundReserved(process, amount);
        booked(List.of(), before);
    }

    /** A reserved refund the provider executed. */
    public List<ProcessDetails.BookingLine> refundExecuted(long amount, String providerTxn) {
        return refundExecuted(amount, providerTxn, ReceivableType.CREDIT_ENTRY);
    }

    /**
     * A reserved refund the provider executed, booked with the type of receivable it credits (a credit entry with
     * flow of funds of type "return of goods" books RETURNS).
     */
    public List<ProcessDetails.BookingLine> refundExecuted(long amount, String providerTxn, ReceivableType type) {
        ProcessStatus before = status();
        return record(before, rules().refundExecuted(process, amount, providerTxn, type));
    }

    /** A reserved refund that was declined or rejected: the reservation is released. */
    public void refundFailed(long amount) {
        ProcessStatus before = status();
        rules().refundFailed(process, amount);
        booked(List.of(), before);
    }

    /** A refund the provider reports that Kontor did not reserve (the merchant refunded at the provider). */
    public List<ProcessDetails.BookingLine> refunded(long amount, String providerTxn) {
        ProcessStatus before = status();
        return record(before, rules().refunded(process, amount, providerTxn));
    }

    /** A credit entry without flow of funds (OPS-3) of the given type of receivable. */
    public List<ProcessDetails.BookingLine> credited(long amount, ReceivableType type) {
        ProcessStatus before = status();
        return record(before, rules().credited(process, amount, type));
    }

    /** A dunning fee or default interest charged on the open receivable (DUN-7): a booking of type FEE. */
    public List<ProcessDetails.BookingLine> charged(long amount, ReceivableType type) {
        ProcessStatus before = status();
        return record(before, rules().charged(process, amount, type));
    }

    /** De-recognition of the whole open receivable (OPS-4). */
    public List<ProcessDetails.BookingLine> derecognised() {
        ProcessStatus before = status();
        return record(before, rules().derecognised(process));
    }

    /**
     * Transfers {@code amount} of this process's overpayment to {@code to}'s open receivable (OPS-5); answers both
     * processes' bookings, this one's first.
     */
    public List<ProcessDetails.BookingLine> transferTo(ProcessAccount to, long amount) {
        ProcessStatus before = status();
        ProcessStatus toBefore = to.status();
        List<Booking> bookings = rules().transferred(process, to.process, amount);
        List<ProcessDetails.BookingLine> lines = new ArrayList<>(
                booked(bookings.stream().filter(b -> b.getTxid() == txid()).toList(), before));
        lines.addAll(to.booked(
                bookings.stream().filter(b -> b.getTxid() == to.txid()).toList(), toBefore));
        return lines;
    }

    /** A chargeback or returned debit, with the provider's fee where it is passed on. */
    public List<ProcessDetails.BookingLine> chargeback(long amount, long fee, String providerTxn) {
        ProcessStatus before = status();
        return record(before, rules().chargeback(process, amount, fee, providerTxn));
    }

    public List<ProcessDetails.BookingLine> chargebackReversed(long amount, long fee, String providerTxn) {
        ProcessStatus before = status();
        return record(before, rules().chargebackReversed(process, amount, fee, providerTxn));
    }

    /** Declined or failed: ERROR with the reason, terminal. */
    public void failed(String errorCode, String errorMessage) {
        ProcessStatus before = status();
        rules().failed(process, errorCode, errorMessage);
        booked(List.of(), before);
    }

    /** A redirect payment the purchaser abandoned: EMPTY, terminal. */
    public void abandoned() {
        ProcessStatus before = status();
        rules().abandoned(process);
        booked(List.of(), before);
    }

    /** Records a failure reason without changing money or status. */
    public void noteError(String errorCode, String errorMessage) {
        rules().noteError(process, errorCode, errorMessage);
    }

    /** The dunning level the process has reached (a provider's reminder, the dunning run). */
    public void setReminderLevel(int level) {
        process.setReminderLevel(level);
    }

    public void setDunningStatus(DunningStatus status) {
        process.setDunningStatus(status);
    }

    public int reminderLevel() {
        return process.getReminderLevel();
    }

    public DunningStatus dunningStatus() {
        return process.getDunningStatus();
    }

    /** The number of the invoice issued for this process (DOC-2); an invoice is issued once, so it is set once. */
    public void recordInvoiceNumber(String number) {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("An invoice number is required");
        }
        if (process.getInvoiceNumber() != null && !process.getInvoiceNumber().equals(number)) {
            throw new IllegalStateException("Process " + txid() + " has invoice " + process.getInvoiceNumber()
                    + " already; a correction is a new document, not a new invoice number");
        }
        process.setInvoiceNumber(number);
    }

    public String invoiceNumber() {
        return process.getInvoiceNumber();
    }

    /** The provider's notification with this sequence number is applied. */
    public void recordProviderSequence(int sequence) {
        process.setPayoneSequence(sequence);
    }
}
