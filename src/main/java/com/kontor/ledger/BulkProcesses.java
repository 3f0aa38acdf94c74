package com.kontor.ledger;

import com.kontor.db.MultiRowInsert;
import com.kontor.db.SequenceBlocks;
import com.kontor.ledger.internal.Booking;
import com.kontor.ledger.internal.PaymentProcess;
import com.kontor.tenancy.Partition;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes generated processes with their bookings in bulk (PLAT-5: the demo data and the 1,000,000-process fill):
 * multi-row inserts with identifiers reserved in blocks, one round trip per fifty rows instead of one per row.
 */
@Component
public class BulkProcesses {

    private final JdbcTemplate jdbc;

    public BulkProcesses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reserves {@code count} consecutive TXIDs for generated processes; answers the first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long reserveTxids(int count) {
        return SequenceBlocks.reserve(jdbc, "txid_seq", count);
    }

    /** Writes the processes and their bookings into the partition; answers the number of bookings written. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long write(Partition partition, List<PlayedProcess> played) {
        if (played.isEmpty()) {
            return 0;
        }
        String partitionKey = partition.key();
        List<Object[]> processRows = new ArrayList<>(played.size());
        List<Booking> bookings = new ArrayList<>(played.size() * 3);
        for (PlayedProcess p : played) {
            processRows.add(row(partitionKey, p.row()));
            bookings.addAll(p.bookings());
        }
        long bookingId = bookings.isEmpty() ? 0 : SequenceBlocks.reserveIds(jdbc, "booking_seq", bookings.size());
        List<Object[]> bookingRows = new ArrayList<>(bookings.size());
        for (Booking b : bookings) {
            bookingRows.add(new Object[] {
                bookingId++,
                partitionKey,
                b.getTxid(),
                Timestamp.from(b.getBookedAt()),
                b.getType().name(),
                b.getReceivableType().name(),
                b.getDebit(),
                b.getCredit(),
                b.getCurrency(),
                b.getProviderTxn(),
                b.getSource().name()
            });
        }
        MultiRowInsert.insert(
                jdbc,
                """
                insert into payment_process (txid, partition_key, portal_id, debtor_id, customer_id, reference,
                    process_type, payment_method, currency, amount, status, dunning_status, created_at, due_date,
                    invoice_number, provider, provider_reference, error_code, error_message, bank_account_id, card_id,
                    mandate_id, receivable, paid, collected, refunded, preauthorized, reserved, refunds_requested,
                    status_before_chargeback, reminder_level, version)
                values """,
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                processRows);
        MultiRowInsert.insert(jdbc, """
                insert into booking (id, partition_key, txid, booked_at, booking_type, receivable_type, debit, credit,
                    currency, provider_txn, source) values """, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", bookingRows);
        return bookingRows.size();
    }

    private static Object[] row(String partitionKey, PaymentProcess p) {
        return new Object[] {
            p.getTxid(),
            partitionKey,
            p.getPortalId(),
            p.getDebtorId(),
            p.getCustomerId(),
            p.getReference(),
            p.getProcessType().name(),
            p.getPaymentMethod().name(),
            p.getCurrency(),
            p.getAmount(),
            p.getStatus().name(),
            p.getDunningStatus().name(),
            Timestamp.from(p.getCreatedAt()),
            p.getDueDate() == null ? null : Date.valueOf(p.getDueDate()),
            p.getInvoiceNumber(),
            p.getProvider(),
            p.getProviderReference(),
            p.getErrorCode(),
            p.getErrorMessage(),
            p.getBankAccountId(),
            p.getCardId(),
            p.getMandateId(),
            p.getReceivable(),
            p.getPaid(),
            p.getCollected(),
            p.getRefunded(),
            p.getPreauthorized(),
            p.getReserved(),
            p.getRefundsRequested(),
            p.getStatusBeforeChargeback() == null
                    ? null
                    : p.getStatusBeforeChargeback().name(),
            p.getReminderLevel()
        };
    }
}
