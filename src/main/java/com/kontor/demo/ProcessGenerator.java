package com.kontor.demo;

import com.kontor.ledger.BulkProcesses;
import com.kontor.ledger.PaymentMethod;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates payment processes with their bookings for Kontor's own demo data and the bulk fill (PLAT-5). Each
 * process's life is played through the real ledger; TXIDs come from the platform-wide sequence.
 */
@Component
class ProcessGenerator {

    /** One process to generate. */
    record Spec(
            long debtorId,
            String customerId,
            long portalId,
            PaymentMethod method,
            long amount,
            Instant createdAt,
            Long bankAccountId,
            Long mandateId,
            Long cardId) {}

    private final BulkProcesses bulk;

    ProcessGenerator(BulkProcesses bulk) {
        this.bulk = bulk;
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
        long firstTxid = bulk.reserveTxids(specs.size());
        ProcessScenarios scenarios = new ProcessScenarios(random, now, zone, paymentTermDays);
        return bulk.write(partition, scenarios.play(currency, partition.mode() == Mode.TEST, specs, firstTxid));
    }
}
