package com.kontor.accounting;

import com.kontor.audit.AuditCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;

/**
 * The journal as CSV (ACCT-1), with the audit CSV's safety: UTF-8 with a byte order mark, the separator a
 * spreadsheet of the merchant's language expects, formula cells neutralised ({@link AuditCsv#safe}). The language is
 * the merchant's, not the person's, so the same period gives the same bytes whoever exports it. One row per line:
 * date, amount (decimal as the language writes it, no grouping), currency, debit account, credit account, document,
 * text, TXID.
 */
final class JournalCsv implements JournalWriter {

    static final List<String> COLUMNS =
            List.of("date", "amount", "currency", "debitAccount", "creditAccount", "document", "text", "txid");

    private final Writer writer;
    private final CSVPrinter csv;
    private final char decimal;

    JournalCsv(OutputStream target, Header header, MessageSource messages) throws IOException {
        Locale locale = header.locale();
        this.decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        this.writer = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
        this.csv = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(AuditCsv.separator(locale))
                        .setRecordSeparator("\r\n")
                        .get());
        writer.write('\uFEFF');
        csv.printRecord(COLUMNS.stream()
                .map(c -> messages.getMessage("accountingExport.csv." + c, null, locale))
                .toList());
    }

    @Override
    public void write(JournalLine line) throws IOException {
        csv.printRecord(
                line.date().toString(),
                amount(line.amount(), line.currency()),
                line.currency(),
                line.debitAccount(),
                line.creditAccount(),
                AuditCsv.safe(line.document()),
                AuditCsv.safe(line.text()),
                line.txid() == null ? "" : line.txid().toString());
    }

    private String amount(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        String plain = BigDecimal.valueOf(minor, digits).toPlainString();
        return decimal == '.' ? plain : plain.replace('.', decimal);
    }

    @Override
    public void close() throws IOException {
        csv.close(true);
    }
}
