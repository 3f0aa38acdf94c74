package com.kontor.payment;

import com.kontor.db.SequenceBlocks;
import com.kontor.payment.internal.ProcessScenarios;
import com.kontor.tenancy.Partition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates payment processes with their bookings for Kontor's own demo data and the bulk fill (PLAT-5). Each
 * process's life is played through the real ledger; TXIDs come from the platform-wide sequence.
 */
@Component
public class ProcessGenerator {

    /** One process to generate. */
    public record Spec(
            long debtorId,
            String customerId,
            long portalId,
            PaymentMethod method,
            long amount,
            Instant createdAt,
            Long bankAccountId,
            Long mandateId,
            Long cardId) {}

    private final JdbcTemplate jdbc;

    public ProcessGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes one batch in one transaction; returns the number of bookings written. */
    @Transactional
    public long write(
            Partition partition,
            String currency,
            ZoneId zone,
            int paymentTermDays,
            Random random,
            Instant now,
            List<Spec> specs) {
        if (specs.isEmpty()) {
            return 0;
        }
        long firstTxid = SequenceBlocks.reserve(jdbc, "txid_seq", specs.size());
        long firstBooking =
                SequenceBlocks.reserve(jdbc, "booking_seq", specs.size() * ProcessScenarios.maxBookingsPerProcess());
        return new ProcessScenarios(jdbc, random, now, zone, paymentTermDays)
                .write(
                        partition.key(),
                        currency,
                        partition.mode() == com.kontor.tenancy.Mode.TEST,
                        specs,
                        firstTxid,
                        firstBooking);
    }
}
