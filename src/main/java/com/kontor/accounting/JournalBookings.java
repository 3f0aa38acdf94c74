package com.kontor.accounting;

import com.kontor.ledger.BookingType;
import com.kontor.ledger.ReceivableType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's bookings of a period as journal lines (ACCT-1), read as a stream (fetch size, row callback) in the
 * order (booked_at, id). A booking moves the receivable ({@code debit} column, TX-9) and/or the money ({@code credit}
 * column); each becomes one line on the account below, against the contra account, "S" for a positive amount and "H"
 * (the same accounts the other way round) for a negative one:
 *
 * <pre>
 * booking type        | amount | account (Konto)       | contra account (Gegenkonto)
 * --------------------+--------+-----------------------+---------------------------------------------
 * RECEIVABLE          | debit  | receivables           | revenue of the merchant's VAT rate
 * PAYMENT             | credit | clearing of provider  | receivables            (no provider: bank)
 * CREDIT_ENTRY        | debit  | receivables           | account of the receivable type (*), H
 * REFUND              | credit | clearing of provider  | account of the receivable type (*), H: the
 *                     |        |                       | receivable's credit entry and the payout are one line
 * CHARGEBACK          | credit | clearing of provider  | receivables, H: the money goes back, the claim reopens
 * CHARGEBACK_REVERSAL | credit | clearing of provider  | receivables, S
 * FEE                 | debit  | receivables           | account of the receivable type (*); a reversed
 *                     |        |                       | chargeback fee is negative, H
 * DERECOGNITION       | debit  | receivables           | bad-debt write-off, H
 * TRANSFER            | none   | (no line: both halves book the one receivables account, which they leave as it
 *                     |        | was; the bookings are still counted for late arrivals)
 *
 * (*) RECEIVABLE, CREDIT_ENTRY, RETURNS, DELIVERY_COSTS: revenue of the VAT rate; DUNNING_FEE: dunning fees;
 *     PENALTY_INTEREST: default interest; CHARGEBACK_FEE: chargeback fees.
 * </pre>
 *
 * The date is the booking's day in the merchant's time zone; the document is the process's invoice number, else its
 * TXID; the text names the booking (and its receivable type where that says more) and the TXID.
 */
@Component
class JournalBookings implements JournalSource {

    private static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final MessageSource messages;

    JournalBookings(DataSource dataSource, MessageSource messages) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.messages = messages;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public long forEach(JournalRequest request, Consumer<JournalLine> sink) {
        long[] read = {0};
        jdbc.query(
                """
                select b.id, b.txid, b.booked_at, b.booking_type, b.receivable_type, b.debit, b.credit, b.currency,
                       p.invoice_number, p.provider
                from booking b join payment_process p on p.txid = b.txid
                where b.partition_key = ? and b.booked_at >= ? and b.booked_at < ?
                order by b.booked_at, b.id""",
                rs -> {
                    read[0]++;
                    long txid = rs.getLong("txid");
                    String invoice = rs.getString("invoice_number");
                    JournalLine line = line(
                            request,
                            rs.getLong("id"),
                            txid,
                            rs.getObject("booked_at", LocalDateTime.class)
                                    .toInstant(ZoneOffset.UTC)
                                    .atZone(request.zone())
                                    .toLocalDate(),
                            BookingType.valueOf(rs.getString("booking_type")),
                            ReceivableType.valueOf(rs.getString("receivable_type")),
                            rs.getLong("debit"),
                            rs.getLong("credit"),
                            rs.getString("currency"),
                            invoice == null || invoice.isBlank() ? Long.toString(txid) : invoice,
                            rs.getString("provider"));
                    if (line != null) {
                        sink.accept(line);
                    }
                },
                request.partition().key(),
                LocalDateTime.ofInstant(request.period().start(request.zone()).toInstant(), ZoneOffset.UTC),
                LocalDateTime.ofInstant(request.period().end(request.zone()).toInstant(), ZoneOffset.UTC));
        return read[0];
    }

    /** The rule of the class comment for one booking; null where it books no line. */
    JournalLine line(
            JournalRequest request,
            long bookingId,
            long txid,
            java.time.LocalDate date,
            BookingType type,
            ReceivableType receivableType,
            long debit,
            long credit,
            String currency,
            String document,
            String provider) {
        AccountMapping m = request.mapping();
        String receivables = m.receivables();
        String clearing = m.clearingFor(provider);
        String account;
        String contra;
        long amount;
        switch (type) {
            case RECEIVABLE -> {
                account = receivables;
                contra = request.revenueAccount();
                amount = debit;
            }
            case PAYMENT, CHARGEBACK, CHARGEBACK_REVERSAL -> {
                account = clearing;
                contra = receivables;
                amount = credit;
            }
            case CREDIT_ENTRY, FEE -> {
                account = receivables;
                contra = accountOf(receivableType, request);
                amount = debit;
            }
            case REFUND -> {
                account = clearing;
                contra = accountOf(receivableType, request);
                amount = credit;
            }
            case DERECOGNITION -> {
                account = receivables;
                contra = m.badDebt();
                amount = debit;
            }
            case TRANSFER -> {
                return null;
            }
            default -> throw new IllegalStateException("no journal rule for " + type);
        }
        if (amount == 0) {
            return null;
        }
        return JournalLine.signed(
                date,
                amount,
                currency,
                account,
                contra,
                document,
                text(type, receivableType, txid, request),
                txid,
                bookingId);
    }

    private static String accountOf(ReceivableType type, JournalRequest request) {
        AccountMapping m = request.mapping();
        return switch (type) {
            case RECEIVABLE, CREDIT_ENTRY, RETURNS, DELIVERY_COSTS -> request.revenueAccount();
            case DUNNING_FEE -> m.dunningFees();
            case PENALTY_INTEREST -> m.defaultInterest();
            case CHARGEBACK_FEE -> m.chargebackFees();
        };
    }

    private String text(BookingType type, ReceivableType receivableType, long txid, JournalRequest request) {
        String text = messages.getMessage("booking." + type.name(), null, request.locale());
        if (receivableType != ReceivableType.RECEIVABLE && receivableType != ReceivableType.CREDIT_ENTRY) {
            text += " " + messages.getMessage("receivable." + receivableType.name(), null, request.locale());
        }
        return text + " TXID " + txid;
    }
}
