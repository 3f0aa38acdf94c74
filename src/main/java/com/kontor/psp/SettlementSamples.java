package com.kontor.psp;

import com.kontor.psp.settlement.MissingSettlements;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.Partition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an Adyen "Settlement details" report of a partition's provider bookings as a provider would settle them (PSP-4),
 * for the demo (a report of Müller's test mode to import) and the benchmark: one line per payment, refund, chargeback
 * and reversal booked in the period, commission 1.2 % + 0.10 on payments. With {@code withDifferences} the report also
 * holds one of every case: the first payment settled 1.00 higher (amount differs), the last booking of the period left
 * out (missing), a line for a reference Kontor does not know, a fee line and the payout. Kontor itself only (the demo
 * start, the bench): it reads bookings across the ledger.
 */
@Service
public class SettlementSamples {

    private static final List<String> HEADER = List.of(
            "Company Account",
            "Merchant Account",
            "Psp Reference",
            "Merchant Reference",
            "Payment Method",
            "Creation Date",
            "TimeZone",
            "Type",
            "Modification Reference",
            "Gross Currency",
            "Gross Debit (GC)",
            "Gross Credit (GC)",
            "Exchange Rate",
            "Net Currency",
            "Net Debit (NC)",
            "Net Credit (NC)",
            "Commission (NC)",
            "Markup (NC)",
            "Scheme Fees (NC)",
            "Interchange (NC)",
            "Payment Method Variant",
            "Modification Merchant Reference",
            "Batch Number",
            "Reserved4",
            "Reserved5");

    private static final Map<String, String> TYPES = Map.of(
            "PAYMENT", "Settled",
            "REFUND", "Refunded",
            "CHARGEBACK", "Chargeback",
            "CHARGEBACK_REVERSAL", "ChargebackReversed");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;

    SettlementSamples(JdbcTemplate jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    private record Booked(
            String pspReference,
            String merchantReference,
            String method,
            Instant at,
            String type,
            String providerTxn,
            String currency,
            long amount) {}

    /**
     * Writes the report of the bookings from {@code from} (inclusive) to {@code to} (exclusive), at most {@code limit}
     * of them; answers the number of lines written.
     */
    @Transactional(readOnly = true)
    public int writeAdyen(
            Partition partition, Instant from, Instant to, int limit, boolean withDifferences, int batch, Writer out) {
        if (!currentUser.require().isSystem()) {
            throw new AccessDeniedException("Sample settlement reports are written by Kontor itself");
        }
        List<Booked> booked = new ArrayList<>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select p.provider_reference, p.reference, p.payment_method, b.booked_at, b.booking_type,"
                                    + " b.provider_txn, b.currency, abs(b.credit) as amount "
                                    + MissingSettlements.EXPECTED_BOOKINGS
                                    + " order by b.booked_at, b.id limit ?");
                    statement.setString(1, partition.key());
                    statement.setTimestamp(2, Timestamp.from(from));
                    statement.setTimestamp(3, Timestamp.from(to));
                    statement.setInt(4, limit + (withDifferences ? 1 : 0));
                    statement.setFetchSize(1000);
                    return statement;
                },
                rs -> {
                    booked.add(new Booked(
                            rs.getString("provider_reference"),
                            rs.getString("reference"),
                            rs.getString("payment_method"),
                            rs.getTimestamp("booked_at").toInstant(),
                            rs.getString("booking_type"),
                            rs.getString("provider_txn"),
                            rs.getString("currency"),
                            rs.getLong("amount")));
                });
        if (withDifferences && !booked.isEmpty()) {
            booked.removeLast(); // missing in the report
        }
        ZoneId zone = ZoneId.of("Europe/Berlin");
        int lines = 0;
        boolean differed = false;
        long payout = 0;
        String currency = booked.isEmpty() ? "EUR" : booked.getFirst().currency();
        try {
            CSVPrinter csv = new CSVPrinter(
                    out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
            csv.printRecord(HEADER);
            for (Booked b : booked) {
                String type = TYPES.get(b.type());
                boolean credit = type.equals("Settled") || type.equals("ChargebackReversed");
                long gross = b.amount();
                if (withDifferences && !differed && type.equals("Settled")) {
                    gross += 100;
                    differed = true;
                }
                long commission = type.equals("Settled") ? Math.round(gross * 0.012) + 10 : 0;
                long net = credit ? gross - commission : -gross - commission;
                payout += net;
                csv.printRecord(line(
                        b.pspReference(),
                        b.merchantReference(),
                        b.method(),
                        LocalDateTime.ofInstant(b.at(), zone),
                        type,
                        b.providerTxn(),
                        b.currency(),
                        credit,
                        gross,
                        net,
                        commission,
                        batch));
                lines++;
            }
            if (withDifferences) {
                LocalDateTime last = LocalDateTime.ofInstant(to.minusSeconds(3600), zone);
                csv.printRecord(line(
                        "sim-unknown-" + batch,
                        "ORD-unknown",
                        "CARD",
                        last,
                        "Settled",
                        "auth-unknown-" + batch,
                        currency,
                        true,
                        4_990,
                        4_920,
                        70,
                        batch));
                payout += 4_920;
                csv.printRecord(batchLine(last, currency, 250, batch, "Fee", "Monthly account fee"));
                payout -= 250;
                csv.printRecord(batchLine(last, currency, payout, batch, "MerchantPayout", "Payout batch " + batch));
                lines += 3;
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static List<String> line(
            String psp,
            String merchantRef,
            String method,
            LocalDateTime at,
            String type,
            String modification,
            String currency,
            boolean credit,
            long gross,
            long net,
            long commission,
            int batch) {
        Currency c = Currency.getInstance(currency);
        String g = decimal(gross, c);
        String n = decimal(Math.abs(net), c);
        boolean netCredit = net >= 0;
        return List.of(
                "KontorDemoCompany",
                "MuellerShopTEST",
                psp,
                merchantRef,
                method.toLowerCase(java.util.Locale.ROOT),
                at.format(DATE),
                "CET",
                type,
                modification == null ? "" : modification,
                currency,
                credit ? "" : g,
                credit ? g : "",
                "1",
                currency,
                netCredit ? "" : n,
                netCredit ? n : "",
                decimal(commission, c),
                "",
                "",
                "",
                method.toLowerCase(java.util.Locale.ROOT),
                "",
                Integer.toString(batch),
                "",
                "");
    }

    /** A line of the batch without a process (a fee, the payout): a positive amount is debited, a negative credited. */
    private static List<String> batchLine(
            LocalDateTime at, String currency, long amount, int batch, String type, String modification) {
        Currency c = Currency.getInstance(currency);
        return List.of(
                "KontorDemoCompany",
                "MuellerShopTEST",
                "",
                "",
                "",
                at.format(DATE),
                "CET",
                type,
                modification,
                "",
                "",
                "",
                "",
                currency,
                amount >= 0 ? decimal(amount, c) : "",
                amount < 0 ? decimal(-amount, c) : "",
                "",
                "",
                "",
                "",
                "",
                "",
                Integer.toString(batch),
                "",
                "");
    }

    private static String decimal(long minor, Currency currency) {
        return BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits()))
                .toPlainString();
    }
}
