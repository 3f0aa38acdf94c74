package com.kontor.accounting;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.LetterheadService;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounting export (ACCT-1): a period's journal of the current merchant and mode as CSV or DATEV batch, written
 * as a stream to a temporary file while its SHA-256 is taken, then stored (gzip) with what it covered. The same
 * period and format exported again gives the same bytes (the DATEV "created" moment is the first export's, texts are
 * in the merchant's language): then nothing new is stored. When bookings arrived in the period since the last export
 * of it, or the account mapping changed, the file differs: it is stored as a new version and the outcome says why.
 * FINANCE and ADMIN export; AUDITOR lists and downloads. Every export is audited.
 */
@Service
public class AccountingExports {

    private static final String COLUMNS = "id, format, period_from, period_to, sha256, row_count, byte_count,"
            + " booking_count, max_booking_id, mapping_version, header_created, created_at, created_by";

    private final JdbcTemplate jdbc;
    private final List<JournalSource> sources;
    private final AccountMappings mappings;
    private final AccountingExportPermission permission;
    private final CurrentTenancy tenancy;
    private final MerchantDirectory merchants;
    private final LetterheadService letterheads;
    private final MessageSource messages;
    private final AuditLog auditLog;
    private final Clock clock;

    AccountingExports(
            JdbcTemplate jdbc,
            List<JournalSource> sources,
            AccountMappings mappings,
            AccountingExportPermission permission,
            CurrentTenancy tenancy,
            MerchantDirectory merchants,
            LetterheadService letterheads,
            MessageSource messages,
            AuditLog auditLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.sources = sources.stream()
                .sorted(Comparator.comparingInt(JournalSource::order))
                .toList();
        this.mappings = mappings;
        this.permission = permission;
        this.tenancy = tenancy;
        this.merchants = merchants;
        this.letterheads = letterheads;
        this.messages = messages;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Exports the period in the format and stores it unless it equals the last export of that period and format.
     * Refuses a bad period (field "to"), a DATEV period across two fiscal years, a mapping DATEV would refuse, and a
     * VAT rate without a revenue account.
     */
    @Transactional
    public AccountingExportOutcome export(JournalPeriod period, AccountingExportFormat format) {
        KontorUser user = permission.requireExport();
        Partition partition = tenancy.requirePartition();
        if (period.to().isBefore(period.from())) {
            throw OperationRefused.onField("to", "accountingExport.error.order");
        }
        if (ChronoUnit.DAYS.between(period.from(), period.to()) >= JournalPeriod.MAX_DAYS) {
            throw OperationRefused.onField("to", "accountingExport.error.tooLong", JournalPeriod.MAX_DAYS);
        }
        MerchantSummary merchant = merchants.requireCurrent();
        ZoneId zone = merchant.settings().timeZone();
        Locale locale = merchant.settings().defaultLanguage();
        AccountMapping mapping = mappings.of(partition.merchantId());
        if (!AccountMappings.validate(mapping).isEmpty()) {
            throw OperationRefused.because("accountingExport.error.mapping");
        }
        if (format == AccountingExportFormat.DATEV
                && !DatevBatch.fiscalYearStart(period.from(), mapping.fiscalYearStartMonth())
                        .equals(DatevBatch.fiscalYearStart(period.to(), mapping.fiscalYearStartMonth()))) {
            throw OperationRefused.onField("to", "accountingExport.error.fiscalYear");
        }
        BigDecimal vat = letterheads.current().defaultVatPercent();
        String revenue = mapping.revenueFor(vat)
                .orElseThrow(() -> OperationRefused.because("accountingExport.error.vat", vat.toPlainString()));

        List<AccountingExportEntry> earlier = jdbc.query(
                "select " + COLUMNS + " from accounting_export"
                        + " where partition_key = ? and format = ? and period_from = ? and period_to = ? order by id",
                this::entry,
                partition.key(),
                format.name(),
                Date.valueOf(period.from()),
                Date.valueOf(period.to()));
        Instant now = Instant.now(clock);
        LocalDateTime created = earlier.isEmpty()
                ? LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MILLIS)
                : earlier.getFirst().headerCreated();
        AccountingExportEntry previous = earlier.isEmpty() ? null : earlier.getLast();

        JournalRequest request = new JournalRequest(partition, period, zone, mapping, revenue, locale);
        JournalWriter.Header header = new JournalWriter.Header(
                partition,
                period,
                mapping,
                created,
                merchant.settings().defaultCurrency().getCurrencyCode(),
                locale);
        Path file = null;
        Path packed = null;
        try {
            file = Files.createTempFile("kontor-accounting-", ".csv");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long[] rows = {0};
            Long[] maxBookingId = {null};
            long records = 0;
            try (DigestOutputStream out =
                            new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha256);
                    JournalWriter writer = writer(format, out, header)) {
                for (JournalSource source : sources) {
                    records += source.forEach(request, line -> {
                        try {
                            writer.write(line);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        rows[0]++;
                        if (line.bookingId() != null
                                && (maxBookingId[0] == null || line.bookingId() > maxBookingId[0])) {
                            maxBookingId[0] = line.bookingId();
                        }
                    });
                }
            }
            String checksum = HexFormat.of().formatHex(sha256.digest());
            long bytes = Files.size(file);
            AccountingExportEntry stored;
            boolean same = previous != null && previous.sha256().equals(checksum);
            if (same) {
                stored = previous;
            } else {
                packed = Files.createTempFile("kontor-accounting-", ".gz");
                try (OutputStream gz = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(packed)))) {
                    Files.copy(file, gz);
                }
                long total = records;
                long id = jdbc.queryForObject("select nextval(accounting_export_seq)", Long.class);
                Path content = packed;
                try (InputStream in = Files.newInputStream(content)) {
                    long length = Files.size(content);
                    jdbc.update(
                            "insert into accounting_export (id, partition_key, format, period_from, period_to, sha256,"
                                    + " row_count, byte_count, booking_count, max_booking_id, mapping_version,"
                                    + " header_created, created_at, created_by, content)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            ps -> {
                                ps.setLong(1, id);
                                ps.setString(2, partition.key());
                                ps.setString(3, format.name());
                                ps.setDate(4, Date.valueOf(period.from()));
                                ps.setDate(5, Date.valueOf(period.to()));
                                ps.setString(6, checksum);
                                ps.setLong(7, rows[0]);
                                ps.setLong(8, bytes);
                                ps.setLong(9, total);
                                ps.setObject(10, maxBookingId[0]);
                                ps.setLong(11, mapping.version());
                                ps.setObject(12, created);
                                ps.setObject(13, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
                                ps.setString(14, user.email());
                                ps.setBinaryStream(15, in, length);
                            });
                }
                stored = new AccountingExportEntry(
                        id,
                        format,
                        period,
                        checksum,
                        rows[0],
                        bytes,
                        records,
                        maxBookingId[0],
                        mapping.version(),
                        created,
                        now,
                        user.email());
            }
            long late = previous == null ? 0 : Math.max(0, records - previous.records());
            boolean mappingChanged = previous != null && previous.mappingVersion() != mapping.version();
            auditLog.record(new AuditEntry(
                    partition.merchantId(),
                    partition.mode().name(),
                    user.asActor(),
                    AuditEventType.ACCOUNTING_EXPORTED,
                    null,
                    null,
                    null,
                    Map.of(
                            "period",
                            period.toString(),
                            "format",
                            format.name(),
                            "sha256",
                            checksum,
                            "rows",
                            rows[0],
                            "export",
                            stored.id(),
                            "newVersion",
                            !same,
                            "lateBookings",
                            late)));
            return new AccountingExportOutcome(stored, previous, same, late, mappingChanged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(file);
            delete(packed);
        }
    }

    private JournalWriter writer(AccountingExportFormat format, OutputStream out, JournalWriter.Header header)
            throws IOException {
        return format == AccountingExportFormat.DATEV
                ? new DatevBatch(out, header)
                : new JournalCsv(out, header, messages);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** The exports of the current merchant and mode, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<AccountingExportEntry> list(int offset, int limit) {
        permission.requireRead();
        Partition partition = tenancy.requirePartition();
        return jdbc.query(
                "select " + COLUMNS
                        + " from accounting_export where partition_key = ? order by id desc limit ? offset ?",
                this::entry,
                partition.key(),
                limit,
                offset);
    }

    /** One export of the current merchant and mode; empty for another's. */
    @Transactional(readOnly = true)
    public Optional<AccountingExportEntry> find(long id) {
        permission.requireRead();
        Partition partition = tenancy.requirePartition();
        return jdbc
                .query(
                        "select " + COLUMNS + " from accounting_export where id = ? and partition_key = ?",
                        this::entry,
                        id,
                        partition.key())
                .stream()
                .findFirst();
    }

    /** The file name a download of this export gets. */
    public String fileName(AccountingExportEntry entry) {
        return entry.format().fileName(tenancy.requirePartition().mode().urlSegment(), entry.period());
    }

    /**
     * Writes the stored bytes of an export of the current merchant and mode to {@code target}; false (nothing written)
     * for an export that is not there or belongs to another merchant or mode.
     */
    @Transactional(readOnly = true)
    public boolean write(long id, OutputStream target) {
        permission.requireRead();
        Partition partition = tenancy.requirePartition();
        Boolean found = jdbc.query(
                "select content from accounting_export where id = ? and partition_key = ?",
                rs -> {
                    if (!rs.next()) {
                        return false;
                    }
                    try (InputStream in = new GZIPInputStream(rs.getBinaryStream("content"))) {
                        in.transferTo(target);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                },
                id,
                partition.key());
        return Boolean.TRUE.equals(found);
    }

    private AccountingExportEntry entry(ResultSet rs, int row) throws SQLException {
        return new AccountingExportEntry(
                rs.getLong("id"),
                AccountingExportFormat.valueOf(rs.getString("format")),
                new JournalPeriod(
                        rs.getDate("period_from").toLocalDate(),
                        rs.getDate("period_to").toLocalDate()),
                rs.getString("sha256"),
                rs.getLong("row_count"),
                rs.getLong("byte_count"),
                rs.getLong("booking_count"),
                rs.getObject("max_booking_id", Long.class),
                rs.getLong("mapping_version"),
                rs.getObject("header_created", LocalDateTime.class),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("created_by"));
    }
}
