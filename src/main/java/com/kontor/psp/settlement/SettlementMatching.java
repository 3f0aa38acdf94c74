package com.kontor.psp.settlement;

import com.kontor.psp.DifferenceKind;
import com.kontor.psp.ImportOutcome;
import com.kontor.psp.SettlementProvider;
import com.kontor.tenancy.Partition;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Matches the lines of a parsed report to the ledger of one partition and writes them with their outcomes (PSP-4),
 * in the caller's transaction: a payment, refund, chargeback or reversal line is matched by the provider reference
 * (the process's {@code provider_reference}) to a booking of that type on the process that no report settled yet,
 * the one with the same provider transaction and amount first. Reads the ledger in chunks, writes in batches: a
 * 100,000-line report is a few hundred statements.
 */
@Component
public class SettlementMatching {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;

    SettlementMatching(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A booking a line may settle. */
    private record Candidate(
            long txid,
            String processProvider,
            String processCurrency,
            Long bookingId,
            String type,
            long amount,
            String providerTxn) {}

    private record Written(SettlementLine line, String key, String outcome, Long txid, Long bookingId) {}

    private record Difference(
            DifferenceKind kind,
            SettlementLine line,
            Long txid,
            Long bookingId,
            String currency,
            Long expected,
            long reported) {}

    /** Matches and writes the lines of report {@code reportId}; answers the counts (missing not yet looked for). */
    public ImportOutcome.Imported match(
            Partition partition, long reportId, SettlementProvider provider, List<SettlementLine> lines, Instant now) {
        String key = partition.key();
        Set<String> earlier = existingKeys(key, provider, lines);
        Map<String, List<Candidate>> byReference = candidates(key, lines);
        Set<Long> taken = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<Written> written = new ArrayList<>(lines.size());
        List<Difference> differences = new ArrayList<>();
        int matched = 0, differs = 0, unknown = 0, fees = 0, payouts = 0, already = 0;
        for (SettlementLine line : lines) {
            String settlementKey = line.settlementKey(provider.name());
            if (earlier.contains(settlementKey) || !seen.add(settlementKey)) {
                already++;
                continue;
            }
            if (line.fee() != 0) {
                fees++;
            }
            String type = line.kind().bookingType();
            if (type == null) {
                boolean fee = line.kind() == LineKind.FEE;
                payouts += fee ? 0 : 1;
                written.add(new Written(line, settlementKey, fee ? "FEE" : "PAYOUT", null, null));
                continue;
            }
            List<Candidate> onProcess = byReference.getOrDefault(line.pspReference(), List.of());
            if (onProcess.isEmpty()) {
                unknown++;
                written.add(new Written(line, settlementKey, DifferenceKind.UNKNOWN.name(), null, null));
                differences.add(new Difference(
                        DifferenceKind.UNKNOWN, line, null, null, line.grossCurrency(), null, line.gross()));
                continue;
            }
            long txid = onProcess.stream()
                    .filter(c -> provider.name().equals(c.processProvider()))
                    .findFirst()
                    .orElse(onProcess.getFirst())
                    .txid();
            List<Candidate> open = onProcess.stream()
                    .filter(c -> c.txid() == txid
                            && c.bookingId() != null
                            && type.equals(c.type())
                            && !taken.contains(c.bookingId()))
                    .toList();
            Candidate chosen = open.stream()
                    .filter(c ->
                            c.amount() == line.gross() && Objects.equals(c.providerTxn(), line.modificationReference()))
                    .findFirst()
                    .or(() -> open.stream()
                            .filter(c -> c.amount() == line.gross())
                            .findFirst())
                    .or(() -> open.stream()
                            .filter(c -> Objects.equals(c.providerTxn(), line.modificationReference()))
                            .findFirst())
                    .or(() -> open.stream().findFirst())
                    .orElse(null);
            String processCurrency = onProcess.getFirst().processCurrency();
            boolean same =
                    chosen != null && chosen.amount() == line.gross() && processCurrency.equals(line.grossCurrency());
            Long bookingId = chosen == null ? null : chosen.bookingId();
            if (bookingId != null) {
                taken.add(bookingId);
            }
            if (same) {
                matched++;
                written.add(new Written(line, settlementKey, "MATCHED", txid, bookingId));
            } else {
                differs++;
                written.add(new Written(line, settlementKey, DifferenceKind.AMOUNT_DIFFERS.name(), txid, bookingId));
                differences.add(new Difference(
                        DifferenceKind.AMOUNT_DIFFERS,
                        line,
                        txid,
                        bookingId,
                        processCurrency,
                        chosen == null ? 0L : chosen.amount(),
                        line.gross()));
            }
        }
        write(key, reportId, provider, written);
        writeDifferences(key, reportId, provider, differences, now);
        settleMissing(key, written, now);
        return new ImportOutcome.Imported(
                reportId, provider, lines.size(), matched, differs, unknown, fees, payouts, already, 0);
    }

    private Set<String> existingKeys(String partitionKey, SettlementProvider provider, List<SettlementLine> lines) {
        List<String> keys =
                lines.stream().map(l -> l.settlementKey(provider.name())).toList();
        Set<String> existing = new HashSet<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(partitionKey);
            args.addAll(chunk);
            existing.addAll(jdbc.queryForList(
                    "select settlement_key from settlement_line where partition_key = ? and settlement_key in ("
                            + placeholders(chunk.size()) + ")",
                    String.class,
                    args.toArray()));
        }
        return existing;
    }

    private Map<String, List<Candidate>> candidates(String partitionKey, List<SettlementLine> lines) {
        List<String> references = new ArrayList<>(new LinkedHashSet<>(lines.stream()
                .filter(l -> l.kind().bookingType() != null)
                .map(SettlementLine::pspReference)
                .toList()));
        Map<String, List<Candidate>> byReference = new HashMap<>();
        for (int from = 0; from < references.size(); from += CHUNK) {
            List<String> chunk = references.subList(from, Math.min(references.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(partitionKey);
            args.addAll(chunk);
            jdbc.query(
                    """
                    select p.txid, p.provider_reference, p.provider, p.currency, b.id, b.booking_type, b.credit,
                           b.provider_txn
                    from payment_process p
                    left join booking b on b.txid = p.txid
                        and b.booking_type in ('PAYMENT', 'REFUND', 'CHARGEBACK', 'CHARGEBACK_REVERSAL')
                        and b.credit <> 0
                        and not exists (select 1 from settlement_line s where s.booking_id = b.id)
                    where p.partition_key = ? and p.provider_reference in (%s)
                    order by p.txid, b.id""".formatted(placeholders(chunk.size())),
                    rs -> {
                        long bookingId = rs.getLong("id");
                        boolean booking = !rs.wasNull();
                        byReference
                                .computeIfAbsent(rs.getString("provider_reference"), r -> new ArrayList<>())
                                .add(new Candidate(
                                        rs.getLong("txid"),
                                        rs.getString("provider"),
                                        rs.getString("currency"),
                                        booking ? bookingId : null,
                                        rs.getString("booking_type"),
                                        Math.abs(rs.getLong("credit")),
                                        rs.getString("provider_txn")));
                    },
                    args.toArray());
        }
        return byReference;
    }

    private void write(String partitionKey, long reportId, SettlementProvider provider, List<Written> written) {
        for (int from = 0; from < written.size(); from += CHUNK) {
            List<Object[]> rows = written.subList(from, Math.min(written.size(), from + CHUNK)).stream()
                    .map(w -> new Object[] {
                        partitionKey,
                        reportId,
                        w.line().lineNumber(),
                        provider.name(),
                        w.line().recordType(),
                        w.key(),
                        w.line().pspReference(),
                        w.line().modificationReference(),
                        w.line().merchantReference(),
                        w.line().batchNumber(),
                        Date.valueOf(w.line().settledOn()),
                        w.line().grossCurrency(),
                        w.line().gross(),
                        w.line().netCurrency(),
                        w.line().net(),
                        w.line().fee(),
                        w.outcome(),
                        w.txid(),
                        w.bookingId()
                    })
                    .toList();
            jdbc.batchUpdate("""
                    insert into settlement_line (partition_key, report_id, line_number, provider, record_type,
                        settlement_key, psp_reference, modification_ref, merchant_ref, batch_number, settled_on,
                        gross_currency, gross, net_currency, net, fee, outcome, txid, booking_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    private void writeDifferences(
            String partitionKey,
            long reportId,
            SettlementProvider provider,
            List<Difference> differences,
            Instant now) {
        List<Object[]> rows = differences.stream()
                .map(d -> new Object[] {
                    partitionKey,
                    d.kind().name(),
                    provider.name(),
                    d.line().pspReference(),
                    d.txid(),
                    d.bookingId(),
                    d.line().lineNumber(),
                    reportId,
                    d.line().batchNumber(),
                    d.line().kind().bookingType(),
                    d.currency(),
                    d.expected(),
                    d.reported(),
                    Date.valueOf(d.line().settledOn()),
                    Timestamp.from(now)
                })
                .toList();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            jdbc.batchUpdate("""
                    insert into settlement_difference (partition_key, kind, provider, reference, txid, booking_id,
                        line_number, report_id, batch_number, booking_type, currency, expected, reported, occurred_on,
                        found_at, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""", rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
    }

    /** A booking found missing earlier that this report settles: its open item is closed by the report. */
    private void settleMissing(String partitionKey, List<Written> written, Instant now) {
        Set<Long> missing = new HashSet<>(jdbc.queryForList(
                "select booking_id from settlement_difference"
                        + " where partition_key = ? and kind = 'MISSING' and status = 'OPEN'",
                Long.class,
                partitionKey));
        List<Object[]> rows = written.stream()
                .filter(w -> w.bookingId() != null && missing.contains(w.bookingId()))
                .map(w -> new Object[] {Timestamp.from(now), partitionKey, w.bookingId()})
                .toList();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            jdbc.batchUpdate("""
                    update settlement_difference set status = 'RESOLVED', resolved_at = ?, resolved_by = 'Kontor',
                        resolution = 'Settled by a later report', version = version + 1
                    where partition_key = ? and kind = 'MISSING' and booking_id = ? and status = 'OPEN'""", rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
