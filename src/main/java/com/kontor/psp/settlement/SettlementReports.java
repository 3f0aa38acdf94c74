package com.kontor.psp.settlement;

import com.kontor.money.Currencies;
import com.kontor.psp.SettlementProvider;
import com.kontor.text.FreeText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a provider's settlement report (PSP-4) completely before anything is written: a malformed file is refused
 * with the first bad line and the reason, so that nothing of it is kept. Columns are found by their header names,
 * in any order; the delimiter (comma or semicolon) is taken from the header line.
 *
 * <p><b>Adyen</b>: the "Settlement details" report in its documented layout (docs.adyen.com, Settlement details
 * report: Company Account, Merchant Account, Psp Reference, Merchant Reference, Payment Method, Creation Date,
 * TimeZone, Type, Modification Reference, Gross Currency, Gross Debit (GC), Gross Credit (GC), Exchange Rate, Net
 * Currency, Net Debit (NC), Net Credit (NC), Commission (NC), Markup (NC), Scheme Fees (NC), Interchange (NC), Payment
 * Method Variant, Modification Merchant Reference, Batch Number, Reserved4...). Amounts are decimals in major units;
 * Creation Date is {@code yyyy-MM-dd HH:mm:ss}; the costs of a line are the sum of commission, markup, scheme fees and
 * interchange.
 *
 * <p><b>PAYONE</b> publishes no fixed column layout for settlements: its merchant interface's payments export
 * (docs.payone.com, "Export": creation time, booking date YYYYMMDD, document reference, event, payment type, amount,
 * currency) names the fields, not a header. Kontor therefore reads a layout of its own with PAYONE's field names:
 * {@code txid} (PAYONE's transaction id, the process's provider reference), {@code reference} (the shop's order
 * number), {@code event} (PAYONE's txaction: {@code paid}, {@code underpaid}, {@code refund}, {@code debit},
 * {@code cancelation}, {@code failed}, {@code fee}, {@code payout}), {@code bookingdate} ({@code yyyyMMdd}),
 * {@code documentreference} (the settlement batch), {@code amount} (decimal in major units, point or comma),
 * {@code currency}, optional {@code fee} (the costs of the line) and {@code sequencenumber}; semicolon-separated as
 * the export writes it.
 */
public final class SettlementReports {

    /** The most lines one report may have: far above a daily batch, low enough to keep an import in memory. */
    public static final int MAX_LINES = 500_000;

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}([.,]\\d{1,4})?");
    private static final DateTimeFormatter ADYEN_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter PAYONE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final Map<String, LineKind> ADYEN_TYPES = Map.ofEntries(
            Map.entry("Settled", LineKind.PAYMENT),
            Map.entry("Refunded", LineKind.REFUND),
            Map.entry("Chargeback", LineKind.CHARGEBACK),
            Map.entry("SecondChargeback", LineKind.CHARGEBACK),
            Map.entry("ChargebackReversed", LineKind.CHARGEBACK_REVERSAL),
            Map.entry("Fee", LineKind.FEE),
            Map.entry("MiscCosts", LineKind.FEE),
            Map.entry("PaymentCost", LineKind.FEE),
            Map.entry("InvoiceDeduction", LineKind.FEE),
            Map.entry("MerchantPayout", LineKind.PAYOUT),
            Map.entry("RefundedReversed", LineKind.PAYOUT),
            Map.entry("DepositCorrection", LineKind.PAYOUT),
            Map.entry("MatchedStatement", LineKind.PAYOUT),
            Map.entry("ManualCorrected", LineKind.PAYOUT),
            Map.entry("BankInstructionReturned", LineKind.PAYOUT),
            Map.entry("EpaPaid", LineKind.PAYOUT),
            Map.entry("Balancetransfer", LineKind.PAYOUT),
            Map.entry("PaidOut", LineKind.PAYOUT),
            Map.entry("PaidOutReversed", LineKind.PAYOUT));

    private static final Map<String, LineKind> PAYONE_EVENTS = Map.of(
            "paid", LineKind.PAYMENT,
            "underpaid", LineKind.PAYMENT,
            "refund", LineKind.REFUND,
            "debit", LineKind.REFUND,
            "cancelation", LineKind.CHARGEBACK,
            "failed", LineKind.CHARGEBACK,
            "fee", LineKind.FEE,
            "payout", LineKind.PAYOUT);

    private static final List<String> ADYEN_REQUIRED = List.of(
            "Psp Reference",
            "Merchant Reference",
            "Creation Date",
            "Type",
            "Modification Reference",
            "Gross Currency",
            "Gross Debit (GC)",
            "Gross Credit (GC)",
            "Net Currency",
            "Net Debit (NC)",
            "Net Credit (NC)",
            "Commission (NC)",
            "Batch Number");

    private static final List<String> PAYONE_REQUIRED =
            List.of("txid", "reference", "event", "bookingdate", "documentreference", "amount", "currency");

    /** A report read completely. */
    public record ParsedReport(SettlementProvider provider, List<SettlementLine> lines) {}

    private SettlementReports() {}

    /**
     * Reads the report; {@code provider} null detects it from the header. Throws {@link ReportRefusal} for anything
     * malformed.
     */
    public static ParsedReport parse(byte[] bytes, SettlementProvider provider) {
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new ReportRefusal(0, "reconciliation.refused.empty");
        }
        int firstBreak = text.indexOf('\n');
        String headerLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
        SettlementProvider detected = headerLine.contains("Psp Reference")
                ? SettlementProvider.ADYEN
                : headerLine.toLowerCase(Locale.ROOT).contains("txid") ? SettlementProvider.PAYONE : null;
        if (detected == null || (provider != null && provider != detected)) {
            throw new ReportRefusal(
                    1, "reconciliation.refused.format", provider == null ? "Adyen / PAYONE" : provider.name());
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .setIgnoreHeaderCase(detected == SettlementProvider.PAYONE)
                .get();
        List<SettlementLine> lines = new ArrayList<>();
        try (CSVParser csv = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .get()) {
            List<String> required = detected == SettlementProvider.ADYEN ? ADYEN_REQUIRED : PAYONE_REQUIRED;
            for (String column : required) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new ReportRefusal(1, "reconciliation.refused.column", column);
                }
            }
            long previousLine = 1;
            for (java.util.Iterator<CSVRecord> it = csv.iterator(); ; ) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException e) {
                    throw new ReportRefusal((int) previousLine + 1, "reconciliation.refused.unreadable");
                }
                int line = (int) record.getRecordNumber() + 1;
                previousLine = line;
                if (lines.size() >= MAX_LINES) {
                    throw new ReportRefusal(line, "reconciliation.refused.tooLong", String.valueOf(MAX_LINES));
                }
                if (!record.isConsistent()) {
                    throw new ReportRefusal(line, "reconciliation.refused.columns");
                }
                lines.add(
                        detected == SettlementProvider.ADYEN
                                ? adyen(new Cells(record, line))
                                : payone(new Cells(record, line)));
            }
        } catch (IOException e) {
            throw new ReportRefusal(0, "reconciliation.refused.unreadable");
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a duplicate or empty header name, a quote left open
            throw new ReportRefusal(1, "reconciliation.refused.unreadable");
        }
        if (lines.isEmpty()) {
            throw new ReportRefusal(0, "reconciliation.refused.empty");
        }
        return new ParsedReport(detected, List.copyOf(lines));
    }

    private static SettlementLine adyen(Cells c) {
        String type = c.required("Type");
        LineKind kind = ADYEN_TYPES.get(type);
        if (kind == null) {
            throw new ReportRefusal(c.line, "reconciliation.refused.type", type);
        }
        LocalDate settledOn;
        String created = c.required("Creation Date");
        try {
            settledOn = LocalDateTime.parse(created, ADYEN_DATE).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new ReportRefusal(c.line, "reconciliation.refused.date", "Creation Date", created);
        }
        String netCurrency = c.currency("Net Currency", true);
        long net = c.amount("Net Credit (NC)", netCurrency) - c.amount("Net Debit (NC)", netCurrency);
        String pspReference = c.text("Psp Reference");
        String grossCurrency = null;
        Long gross = null;
        long fee;
        if (kind == LineKind.FEE || kind == LineKind.PAYOUT) {
            fee = kind == LineKind.FEE ? -net : 0;
        } else {
            if (pspReference == null) {
                throw new ReportRefusal(c.line, "reconciliation.refused.missing", "Psp Reference");
            }
            grossCurrency = c.currency("Gross Currency", true);
            long credit = c.amount("Gross Credit (GC)", grossCurrency);
            long debit = c.amount("Gross Debit (GC)", grossCurrency);
            gross = Math.abs(credit - debit);
            if (gross == 0) {
                throw new ReportRefusal(
                        c.line, "reconciliation.refused.missing", "Gross Debit (GC) / Gross Credit (GC)");
            }
            fee = c.amount("Commission (NC)", netCurrency)
                    + c.optionalAmount("Markup (NC)", netCurrency)
                    + c.optionalAmount("Scheme Fees (NC)", netCurrency)
                    + c.optionalAmount("Interchange (NC)", netCurrency);
        }
        return new SettlementLine(
                c.line,
                type,
                kind,
                pspReference,
                c.text("Modification Reference"),
                c.text("Merchant Reference"),
                c.text("Batch Number"),
                settledOn,
                grossCurrency,
                gross,
                netCurrency,
                net,
                fee);
    }

    private static SettlementLine payone(Cells c) {
        String event = c.required("event").toLowerCase(Locale.ROOT);
        LineKind kind = PAYONE_EVENTS.get(event);
        if (kind == null) {
            throw new ReportRefusal(c.line, "reconciliation.refused.type", event);
        }
        String date = c.required("bookingdate");
        LocalDate settledOn;
        try {
            settledOn = LocalDate.parse(date, PAYONE_DATE);
        } catch (DateTimeParseException e) {
            throw new ReportRefusal(c.line, "reconciliation.refused.date", "bookingdate", date);
        }
        String currency = c.currency("currency", true);
        long amount = Math.abs(c.amount("amount", currency));
        long fee = c.optionalAmount("fee", currency);
        String txid = c.text("txid");
        Long gross = null;
        long net;
        switch (kind) {
            case PAYMENT, CHARGEBACK_REVERSAL -> {
                gross = amount;
                net = amount - fee;
            }
            case REFUND, CHARGEBACK -> {
                gross = amount;
                net = -amount - fee;
            }
            case FEE -> {
                fee = amount;
                net = -amount;
            }
            default -> net = amount;
        }
        if (gross != null && (txid == null || gross == 0)) {
            throw new ReportRefusal(c.line, "reconciliation.refused.missing", txid == null ? "txid" : "amount");
        }
        return new SettlementLine(
                c.line,
                event,
                kind,
                txid,
                c.text("sequencenumber"),
                c.text("reference"),
                c.text("documentreference"),
                settledOn,
                gross == null ? null : currency,
                gross,
                currency,
                net,
                fee);
    }

    /** The cells of one record, each read by its column name and checked. */
    private record Cells(CSVRecord record, int line) {

        String raw(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String text(String column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            if (value.length() > 80 || value.chars().anyMatch(ch -> FreeText.isControl((char) ch))) {
                throw new ReportRefusal(line, "reconciliation.refused.text", column);
            }
            return value;
        }

        String required(String column) {
            String value = text(column);
            if (value == null) {
                throw new ReportRefusal(line, "reconciliation.refused.missing", column);
            }
            return value;
        }

        String currency(String column, boolean required) {
            String value = required ? required(column) : text(column);
            if (value != null && Currencies.active(value).isEmpty()) {
                throw new ReportRefusal(line, "reconciliation.refused.currency", column, value);
            }
            return value;
        }

        long optionalAmount(String column, String currency) {
            return record.isMapped(column) ? amount(column, currency) : 0;
        }

        /** A decimal in major units as minor units of the currency; an empty cell is 0. */
        long amount(String column, String currency) {
            String value = raw(column);
            if (value == null) {
                return 0;
            }
            if (!DECIMAL.matcher(value).matches()) {
                throw new ReportRefusal(line, "reconciliation.refused.amount", column, value);
            }
            BigDecimal decimal = new BigDecimal(value.replace(',', '.'));
            int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
            if (decimal.scale() > digits) {
                throw new ReportRefusal(line, "reconciliation.refused.amount", column, value);
            }
            long minor = decimal.movePointRight(digits).longValueExact();
            if (Math.abs(minor) > Currencies.MAX_AMOUNT) {
                throw new ReportRefusal(line, "reconciliation.refused.amount", column, value);
            }
            return minor;
        }
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ReportRefusal(0, "reconciliation.refused.encoding");
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }
}
