package com.kontor.dunning;

import com.kontor.audit.AuditCsv;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.money.Money;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The debt-collection cases of the current partition as a CSV file for the agency (DUN-7): every process handed to
 * debt collection and still open, with the debtor's address and what is owed. Written with commons-csv like the audit
 * export (UTF-8 with byte order mark, the locale's separator, formula cells neutralised); in test mode every row says
 * TEST, so a test export is never mistaken for a real case. The first export of a case is stamped, every export is
 * audited.
 */
@Service
public class CollectionExport {

    private static final List<String> HEADER = List.of(
            "mode",
            "txid",
            "reference",
            "invoiceNumber",
            "debtorNumber",
            "company",
            "name",
            "street",
            "postcode",
            "city",
            "country",
            "email",
            "open",
            "currency",
            "dunningCharges",
            "dueDate",
            "handedOver",
            "firstExported");

    private final JdbcTemplate jdbc;
    private final DebtorService debtors;
    private final CurrentTenancy currentTenancy;
    private final DunningPermission permission;
    private final AuditLog auditLog;
    private final Clock clock;

    CollectionExport(
            JdbcTemplate jdbc,
            DebtorService debtors,
            CurrentTenancy currentTenancy,
            DunningPermission permission,
            AuditLog auditLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.debtors = debtors;
        this.currentTenancy = currentTenancy;
        this.permission = permission;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    private record Case(
            long noticeId,
            long txid,
            Long debtorId,
            String reference,
            String invoiceNumber,
            Money open,
            long charges,
            String dueDate,
            Instant handedOver,
            Instant firstExported) {}

    /** Writes the cases; answers how many. FINANCE and ADMIN only. */
    public int write(Locale locale, OutputStream target) {
        KontorUser user = permission.requireChange();
        Partition partition = currentTenancy.requirePartition();
        List<Case> cases = jdbc.query(
                """
                select n.id, n.txid, n.debtor_id, p.reference, p.invoice_number, p.currency,
                       p.receivable - p.paid as open, p.due_date, n.executed_at, n.collection_exported_at,
                       (select coalesce(sum(c.fee + c.flat_fee + c.interest), 0) from dunning_notice c
                        where c.txid = n.txid and c.status = 'SENT') as charges
                from dunning_notice n join payment_process p on p.txid = n.txid
                where n.partition_key = ? and n.level = 5 and n.status = 'SENT' and p.status = 'OPEN'
                order by n.id""",
                (rs, row) -> new Case(
                        rs.getLong("id"),
                        rs.getLong("txid"),
                        rs.getObject("debtor_id", Long.class),
                        rs.getString("reference"),
                        rs.getString("invoice_number"),
                        new Money(rs.getLong("open"), Currency.getInstance(rs.getString("currency"))),
                        rs.getLong("charges"),
                        rs.getDate("due_date") == null
                                ? ""
                                : rs.getDate("due_date").toString(),
                        rs.getTimestamp("executed_at").toInstant(),
                        rs.getTimestamp("collection_exported_at") == null
                                ? null
                                : rs.getTimestamp("collection_exported_at").toInstant()),
                partition.key());
        Instant now = Instant.now(clock);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(AuditCsv.separator(locale))
                .setRecordSeparator("\r\n")
                .get();
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
                CSVPrinter csv = new CSVPrinter(writer, format)) {
            writer.write('\uFEFF');
            csv.printRecord(HEADER);
            for (Case c : cases) {
                Optional<MasterData> m = Optional.ofNullable(c.debtorId())
                        .flatMap(debtors::details)
                        .map(DebtorDetails::masterData);
                List<Object> row = new ArrayList<>();
                row.add(partition.mode() == Mode.TEST ? "TEST" : "LIVE");
                row.add(c.txid());
                row.add(safe(c.reference()));
                row.add(safe(c.invoiceNumber()));
                row.add(
                        c.debtorId() == null
                                ? ""
                                : debtors.debtorNumber(c.debtorId()).orElse(null));
                row.add(safe(m.map(MasterData::company).orElse(null)));
                row.add(safe(m.map(d -> join(d.firstName(), d.lastName())).orElse(null)));
                row.add(safe(m.map(MasterData::street).orElse(null)));
                row.add(safe(m.map(MasterData::postcode).orElse(null)));
                row.add(safe(m.map(MasterData::city).orElse(null)));
                row.add(safe(m.map(MasterData::country).orElse(null)));
                row.add(safe(m.map(MasterData::email).orElse(null)));
                row.add(decimal(c.open().minor(), c.open().currency(), locale));
                row.add(c.open().currency().getCurrencyCode());
                row.add(decimal(c.charges(), c.open().currency(), locale));
                row.add(c.dueDate());
                row.add(c.handedOver().toString());
                row.add(
                        c.firstExported() == null
                                ? now.toString()
                                : c.firstExported().toString());
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.update(
                "update dunning_notice set collection_exported_at = ?"
                        + " where partition_key = ? and level = 5 and status = 'SENT' and collection_exported_at is null",
                Timestamp.from(now),
                partition.key());
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                user.asActor(),
                AuditEventType.DUNNING_COLLECTION_EXPORTED,
                null,
                null,
                null,
                Map.of("cases", cases.size())));
        return cases.size();
    }

    private static String join(String first, String last) {
        if (first == null) {
            return last;
        }
        return last == null ? first : first + " " + last;
    }

    /** "1234.56" or "1234,56" as the locale writes decimals, without grouping. */
    static String decimal(long minor, Currency currency, Locale locale) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        String plain = java.math.BigDecimal.valueOf(minor, digits).toPlainString();
        char comma = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return comma == '.' ? plain : plain.replace('.', comma);
    }

    private static String safe(String cell) {
        return AuditCsv.safe(cell);
    }
}
