package com.kontor.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CSV export of the filtered audit log (AUD-2), streamed record by record: UTF-8 with a byte order mark and the
 * locale's list separator (a semicolon where the comma is the decimal separator, as in German), so a double click
 * opens it correctly in a spreadsheet; a cell that a spreadsheet would run as a formula (= + - @, tab, carriage
 * return) is prefixed with an apostrophe. The export itself is audited.
 */
@Service
public class AuditCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog auditLog;
    private final AuditScope scope;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    public AuditCsv(AuditLog auditLog, AuditScope scope, MessageSource messages, TransactionTemplate transactions) {
        this.auditLog = auditLog;
        this.scope = scope;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** The separator a spreadsheet of this locale expects. */
    public static char separator(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',' ? ';' : ',';
    }

    @PreAuthorize(AuditLog.READERS)
    public long write(AuditFilter filter, Locale locale, OutputStream target) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(separator(locale))
                .setRecordSeparator("\r\n")
                .get();
        DateTimeFormatter time = TIME.withZone(filter.zone());
        long rows;
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
                CSVPrinter csv = new CSVPrinter(writer, format)) {
            writer.write('\uFEFF');
            csv.printRecord(List.of("date", "user", "type", "debtorNumber", "txid", "comment", "details").stream()
                    .map(column -> messages.getMessage("audit." + column, null, locale))
                    .toList());
            rows = auditLog.forEach(filter, record -> {
                try {
                    csv.printRecord(
                            time.format(record.occurredAt()),
                            safe(record.actorName()),
                            record.type().name(),
                            record.debtorNumber(),
                            record.txid(),
                            safe(record.comment()),
                            safe(record.detailsText()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long written = rows;
        transactions.executeWithoutResult(status -> auditLog.record(new AuditEntry(
                        scope.merchantId().orElse(null),
                        filter.mode(),
                        scope.actor(),
                        AuditEventType.AUDIT_LOG_EXPORTED,
                        null,
                        null,
                        null,
                        null)
                .withDetail(
                        "criteria",
                        filter.criteria().stream()
                                .map(c -> c.field() + "=" + c.value())
                                .toList())
                .withDetail("from", filter.from() == null ? null : filter.from().toString())
                .withDetail("to", filter.to() == null ? null : filter.to().toString())
                .withDetail("rows", written)));
        return written;
    }

    /** OWASP's advice against CSV injection: a leading formula character becomes text. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }
}
