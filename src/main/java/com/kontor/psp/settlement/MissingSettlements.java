package com.kontor.psp.settlement;

import com.kontor.tenancy.Partition;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the provider bookings no imported report settled (PSP-4, MISSING): payments, refunds, chargebacks and
 * reversals of card, wallet, online bank transfer and direct debit processes booked before the cut-off ({@code
 * missing-after-days} ago) and not before the first day the partition's reports cover, since bookings from before
 * reconciliation began are in no report. Each is an open item once.
 */
@Component
public class MissingSettlements {

    /** What a provider settles: the bookings of the provider-paid methods that move money. */
    public static final String EXPECTED_BOOKINGS = """
            from booking b join payment_process p on p.txid = b.txid
            where b.partition_key = ? and b.booked_at >= ? and b.booked_at < ?
              and b.booking_type in ('PAYMENT', 'REFUND', 'CHARGEBACK', 'CHARGEBACK_REVERSAL') and b.credit <> 0
              and p.provider is not null and p.payment_method in ('CARD', 'WALLET', 'BANK_TRANSFER', 'DIRECT_DEBIT')
            """;

    private final JdbcTemplate jdbc;

    MissingSettlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the bookings missing in the reports as of {@code today}; answers how many new ones were found. */
    public int find(Partition partition, LocalDate today, int afterDays, ZoneId zone, Instant now) {
        LocalDate first = jdbc.queryForObject(
                "select min(settled_on) from settlement_line where partition_key = ?",
                LocalDate.class,
                partition.key());
        if (first == null) {
            return 0;
        }
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant cutoff = today.minusDays(afterDays).atStartOfDay(zone).toInstant();
        if (!from.isBefore(cutoff)) {
            return 0;
        }
        return jdbc.update(
                """
                insert ignore into settlement_difference (partition_key, kind, provider, reference, txid, booking_id,
                    booking_type, currency, expected, occurred_on, found_at, status)
                select b.partition_key, 'MISSING', p.provider, p.provider_reference, b.txid, b.id, b.booking_type,
                    b.currency, abs(b.credit), date(b.booked_at), ?, 'OPEN'
                """ + EXPECTED_BOOKINGS + """
                          and not exists (select 1 from settlement_line s where s.booking_id = b.id)
                          and not exists (select 1 from settlement_difference d where d.partition_key = b.partition_key
                              and (d.booking_id = b.id or d.correction_booking_id = b.id))
                        """,
                Timestamp.from(now),
                partition.key(),
                Timestamp.from(from),
                Timestamp.from(cutoff));
    }
}
