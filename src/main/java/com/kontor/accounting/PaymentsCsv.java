package com.kontor.accounting;

import com.kontor.audit.AuditCsv;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Partition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
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
 * The payments list as a CSV file (TX-7): exactly the filtered rows, newest first, streamed chunk by chunk from the
 * list's keyset reads, with the audit export's safety (UTF-8 with byte order mark, the locale's separator, formula
 * cells neutralised by {@link AuditCsv#safe}). Amounts are signed decimals in the locale's notation without grouping
 * ("-12,50" in German), with the currency in the next column; times are the merchant's. Every export is audited
 * with its filter and row count.
 */
@Service
@PreAuthorize(PaymentsList.READERS)
public class PaymentsCsv {

    static final List<String> COLUMNS = List.of(
            "bookedAt",
            "txid",
            "debtorNumber",
            "debtor",
            "portal",
            "provider",
            "providerTxn",
            "method",
            "kind",
            "receivableType",
            "amount",
            "currency",
            "status");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PaymentsList list;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    PaymentsCsv(
            PaymentsList list,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            AuditLog auditLog,
            MessageSource messages,
            TransactionTemplate transactions) {
        this.list = list;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** Writes the filtered rows to {@code target}; answers how many. */
    public long write(PaymentFilter filter, Locale locale, OutputStream target) {
        filter.validate();
        KontorUser user = currentUser.require();
        Partition partition = currentTenancy.requirePartition();
        DateTimeFormatter time = TIME.withZone(list.zone());
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(AuditCsv.separator(locale))
                .setRecordSeparator("\r\n")
                .get();
        long rows;
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
                CSVPrinter csv = new CSVPrinter(writer, format)) {
            writer.write('\uFEFF');
            csv.printRecord(COLUMNS.stream()
                    .map(column -> messages.getMessage("payments.csv." + column, null, locale))
                    .toList());
            rows = list.forEach(filter, row -> {
                try {
                    csv.printRecord(
                            time.format(row.bookedAt()),
                            row.txid(),
                            row.debtorNumber() == null ? "" : row.debtorNumber(),
                            AuditCsv.safe(row.debtorName()),
                            AuditCsv.safe(row.portal()),
                            AuditCsv.safe(row.provider()),
                            AuditCsv.safe(row.providerTxn()),
                            row.method().name(),
                            row.kind().name(),
                            row.kind() == PaymentKind.FEE ? row.receivableType().name() : "",
                            decimal(row.amount().minor(), row.amount().currency(), locale),
                            row.amount().currency().getCurrencyCode(),
                            row.status().name());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long written = rows;
        transactions.executeWithoutResult(status -> auditLog.record(new AuditEntry(
                        partition.merchantId(),
                        partition.mode().name(),
                        user.asActor(),
                        AuditEventType.PAYMENTS_EXPORTED,
                        null,
                        null,
                        null,
                        null)
                .withDetail("filter", filter.describe())
                .withDetail("rows", written)));
        return written;
    }

    /** "-1234.56" or "-1234,56" as the locale writes decimals, without grouping. */
    static String decimal(long minor, java.util.Currency currency, Locale locale) {
        String plain = BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits()))
                .toPlainString();
        char comma = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return comma == '.' ? plain : plain.replace('.', comma);
    }
}
