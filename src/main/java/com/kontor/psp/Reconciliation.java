package com.kontor.psp;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessDetails;
import com.kontor.psp.settlement.MissingSettlements;
import com.kontor.psp.settlement.ReportRefusal;
import com.kontor.psp.settlement.SettlementMatching;
import com.kontor.psp.settlement.SettlementReports;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.text.FreeText;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settlement reconciliation (PSP-4) of the current merchant and mode: imports a provider's settlement report (read
 * completely first, then matched and written in one transaction; the same bytes twice change nothing), lists the
 * differences until someone resolves them with a comment, and finds the provider bookings no report settled. FINANCE
 * and ADMIN import and resolve, AUDITOR reads; Kontor itself (the daily job) imports too.
 */
@Service
public class Reconciliation {

    static final Set<Role> READERS = Set.of(Role.FINANCE, Role.ADMIN, Role.AUDITOR);
    static final Set<Role> MANAGERS = Set.of(Role.FINANCE, Role.ADMIN);

    /** The longest resolution comment. */
    public static final int MAX_COMMENT = 1000;

    private final JdbcTemplate jdbc;
    private final SettlementMatching matching;
    private final MissingSettlements missing;
    private final Ledger ledger;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final ReconciliationProperties properties;
    private final Clock clock;

    Reconciliation(
            JdbcTemplate jdbc,
            SettlementMatching matching,
            MissingSettlements missing,
            Ledger ledger,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            AuditLog auditLog,
            ReconciliationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.matching = matching;
        this.missing = missing;
        this.ledger = ledger;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the person logged in may read the reconciliation here. */
    public boolean mayRead() {
        return currentUser.get().filter(u -> allowed(u, READERS)).isPresent();
    }

    /** Whether the person logged in may import and resolve here. */
    public boolean mayChange() {
        return currentUser.get().filter(u -> allowed(u, MANAGERS)).isPresent();
    }

    /**
     * Imports a settlement report; {@code provider} null detects it from the header. A malformed file is answered
     * {@link ImportOutcome.Refused} and nothing of it is kept; the same bytes imported before are answered {@link
     * ImportOutcome.AlreadyImported}.
     */
    @Transactional
    public ImportOutcome importReport(String fileName, byte[] bytes, SettlementProvider provider) {
        KontorUser user = require(MANAGERS);
        Partition partition = currentTenancy.requirePartition();
        String sha256 = sha256(bytes);
        Optional<ImportOutcome> before = alreadyImported(partition, sha256);
        if (before.isPresent()) {
            return before.get();
        }
        SettlementReports.ParsedReport report;
        try {
            report = SettlementReports.parse(bytes, provider);
        } catch (ReportRefusal refusal) {
            return new ImportOutcome.Refused(refusal.line(), refusal.reasonKey(), refusal.arguments());
        }
        Instant now = Instant.now(clock);
        String name = fileName == null || fileName.isBlank() ? "report.csv" : fileName.strip();
        name = FreeText.isPlain(name) && name.length() <= 200 ? name : "report.csv";
        String batches = String.join(
                ", ",
                report.lines().stream()
                        .map(l -> l.batchNumber())
                        .filter(b -> b != null)
                        .distinct()
                        .limit(10)
                        .toList());
        long reportId = insertReport(partition, report.provider(), name, sha256, batches, now, user, report);
        ImportOutcome.Imported counted = matching.match(partition, reportId, report.provider(), report.lines(), now);
        int found = findMissing(partition, now);
        ImportOutcome.Imported imported = new ImportOutcome.Imported(
                reportId,
                counted.provider(),
                counted.lines(),
                counted.matched(),
                counted.amountDiffers(),
                counted.unknown(),
                counted.fees(),
                counted.payouts(),
                counted.alreadySettled(),
                found);
        jdbc.update(
                "update settlement_report set matched = ?, amount_differs = ?, unknown = ?, fees = ?,"
                        + " already_settled = ? where id = ?",
                imported.matched(),
                imported.amountDiffers(),
                imported.unknown(),
                imported.fees(),
                imported.alreadySettled(),
                reportId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", name);
        details.put("provider", report.provider().name());
        details.put("sha256", sha256);
        details.put("lines", imported.lines());
        details.put("matched", imported.matched());
        details.put("amountDiffers", imported.amountDiffers());
        details.put("unknown", imported.unknown());
        details.put("fees", imported.fees());
        details.put("alreadySettled", imported.alreadySettled());
        details.put("missing", found);
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                user.asActor(),
                AuditEventType.SETTLEMENT_IMPORTED,
                null,
                null,
                null,
                details));
        return imported;
    }

    /** Looks for provider bookings no report settled (the daily job, after each import); answers the new ones. */
    @Transactional
    public int findMissing() {
        require(MANAGERS);
        return findMissing(currentTenancy.requirePartition(), Instant.now(clock));
    }

    private int findMissing(Partition partition, Instant now) {
        ZoneId zone = ZoneId.of(properties.zone());
        return missing.find(partition, LocalDate.ofInstant(now, zone), properties.missingAfterDays(), zone, now);
    }

    /** One page of the differences, newest first: the open ones or the resolved ones. */
    @Transactional(readOnly = true)
    public List<SettlementDifferenceRow> differences(boolean open, int offset, int limit) {
        require(READERS);
        Partition partition = currentTenancy.requirePartition();
        return jdbc.query("""
                select d.*, r.file_name, dn.debtor_number
                from settlement_difference d
                left join settlement_report r on r.id = d.report_id
                left join payment_process p on p.txid = d.txid and p.partition_key = d.partition_key
                left join debtor dn on dn.id = p.debtor_id
                where d.partition_key = ? and d.status = ?
                order by d.id desc limit ? offset ?""", (rs, row) -> difference(rs), partition.key(), open ? "OPEN" : "RESOLVED", limit, offset);
    }

    /** How many open differences there are. */
    @Transactional(readOnly = true)
    public int countOpen() {
        require(READERS);
        return jdbc.queryForObject(
                "select count(*) from settlement_difference where partition_key = ? and status = 'OPEN'",
                Integer.class,
                currentTenancy.requirePartition().key());
    }

    /** One page of the imported reports, newest first. */
    @Transactional(readOnly = true)
    public List<SettlementReportRow> reports(int offset, int limit) {
        require(READERS);
        return jdbc.query(
                "select * from settlement_report where partition_key = ? order by id desc limit ? offset ?",
                (rs, row) -> new SettlementReportRow(
                        rs.getLong("id"),
                        rs.getString("provider"),
                        rs.getString("file_name"),
                        rs.getTimestamp("imported_at").toInstant(),
                        rs.getString("imported_by"),
                        rs.getInt("line_count"),
                        rs.getInt("matched"),
                        rs.getInt("amount_differs"),
                        rs.getInt("unknown"),
                        rs.getInt("fees"),
                        rs.getInt("already_settled")),
                currentTenancy.requirePartition().key(),
                limit,
                offset);
    }

    /**
     * Resolves an open difference with a comment (required). {@code bookSettledAmount} books the difference between
     * the settled and the booked amount on the process as a payment (only for a payment whose amount differs); no
     * booking is ever changed. A stale {@code version} (someone resolved it meanwhile) is refused.
     */
    @Transactional
    public void resolve(long id, long version, String comment, boolean bookSettledAmount) {
        KontorUser user = require(MANAGERS);
        Partition partition = currentTenancy.requirePartition();
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw OperationRefused.onField("comment", "reconciliation.resolve.commentRequired");
        }
        if (text.length() > MAX_COMMENT) {
            throw OperationRefused.onField("comment", "reconciliation.resolve.commentTooLong", MAX_COMMENT);
        }
        FreeText.Problem problem = FreeText.problem(text, true);
        if (problem != null) {
            throw OperationRefused.onField("comment", problem.messageKey());
        }
        SettlementDifferenceRow row = jdbc.query("""
                        select d.*, r.file_name, null as debtor_number from settlement_difference d
                        left join settlement_report r on r.id = d.report_id
                        where d.id = ? and d.partition_key = ? for update""", (rs, n) -> difference(rs), id, partition.key()).stream()
                .findFirst()
                .orElseThrow(() -> OperationRefused.because("reconciliation.resolve.notFound"));
        if (!row.open() || row.version() != version) {
            throw OperationRefused.because("reconciliation.resolve.stale");
        }
        Long booked = null;
        Long correctionBooking = null;
        if (bookSettledAmount) {
            if (!row.maySettleAmount()) {
                throw OperationRefused.onField("book", "reconciliation.resolve.cannotBook");
            }
            long difference = row.reported() - row.expected();
            LockedProcess process = ledger.lock(row.txid(), BookingSource.USER)
                    .orElseThrow(() -> OperationRefused.because("reconciliation.resolve.notFound"));
            List<ProcessDetails.BookingLine> lines;
            try {
                lines = process.settlementCorrected(difference, "settlement-" + row.reference());
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw OperationRefused.onField("book", "reconciliation.resolve.bookingRefused", e.getMessage());
            }
            booked = difference;
            correctionBooking = lines.getFirst().id();
        }
        Instant now = Instant.now(clock);
        jdbc.update("""
                update settlement_difference set status = 'RESOLVED', resolved_at = ?, resolved_by = ?, resolution = ?,
                    booked_amount = ?, correction_booking_id = ?, version = version + 1
                where id = ? and partition_key = ?""", Timestamp.from(now), user.email(), text, booked, correctionBooking, id, partition.key());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", row.kind().name());
        details.put("provider", row.provider());
        details.put("reference", row.reference());
        details.put("currency", row.currency());
        details.put("expected", row.expected());
        details.put("reported", row.reported());
        if (booked != null) {
            details.put("booked", booked);
        }
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                user.asActor(),
                AuditEventType.SETTLEMENT_DIFFERENCE_RESOLVED,
                null,
                row.txid(),
                text,
                details));
    }

    private static SettlementDifferenceRow difference(ResultSet rs) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new SettlementDifferenceRow(
                rs.getLong("id"),
                DifferenceKind.valueOf(rs.getString("kind")),
                rs.getString("provider"),
                rs.getString("reference"),
                rs.getObject("txid", Long.class),
                rs.getObject("debtor_number", Long.class),
                rs.getString("booking_type"),
                rs.getString("currency"),
                rs.getObject("expected", Long.class),
                rs.getObject("reported", Long.class),
                rs.getString("file_name"),
                rs.getString("batch_number"),
                rs.getDate("occurred_on").toLocalDate(),
                "OPEN".equals(rs.getString("status")),
                rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                rs.getString("resolution"),
                rs.getObject("booked_amount", Long.class),
                rs.getLong("version"));
    }

    private Optional<ImportOutcome> alreadyImported(Partition partition, String sha256) {
        return jdbc
                .query(
                        "select imported_at, imported_by from settlement_report where partition_key = ? and sha256 = ?",
                        (rs, row) -> (ImportOutcome) new ImportOutcome.AlreadyImported(
                                rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by")),
                        partition.key(),
                        sha256)
                .stream()
                .findFirst();
    }

    private long insertReport(
            Partition partition,
            SettlementProvider provider,
            String name,
            String sha256,
            String batches,
            Instant now,
            KontorUser user,
            SettlementReports.ParsedReport report) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement("""
                            insert into settlement_report (partition_key, provider, file_name, sha256, batch_numbers,
                                imported_at, imported_by, line_count, matched, amount_differs, unknown, fees,
                                already_settled)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0)""", Statement.RETURN_GENERATED_KEYS);
                    statement.setString(1, partition.key());
                    statement.setString(2, provider.name());
                    statement.setString(3, name);
                    statement.setString(4, sha256);
                    statement.setString(5, batches.length() > 200 ? batches.substring(0, 200) : batches);
                    statement.setTimestamp(6, Timestamp.from(now));
                    statement.setString(7, user.isSystem() ? "Kontor (" + user.displayName() + ")" : user.email());
                    statement.setInt(8, report.lines().size());
                    return statement;
                },
                key);
        return key.getKey().longValue();
    }

    private KontorUser require(Set<Role> roles) {
        KontorUser user = currentUser.require();
        if (!allowed(user, roles)) {
            throw new AccessDeniedException("Reconciliation: one of the roles " + roles + " is required");
        }
        return user;
    }

    /** A role of the set, and the partition is the user's merchant's (Kontor itself works in any partition). */
    private boolean allowed(KontorUser user, Set<Role> roles) {
        if (user.isSystem()) {
            return true;
        }
        Optional<Partition> partition = currentTenancy.partition();
        return user.merchantId() != null
                && roles.stream().anyMatch(user::hasRole)
                && partition.map(p -> p.merchantId() == user.merchantId()).orElse(false);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
