package com.kontor.accounting;

import com.kontor.ledger.BookingType;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ReceivableType;
import com.kontor.money.Money;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.PortalSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments list of the current merchant and mode (TX-7): every payment, refund, chargeback, returned debit,
 * chargeback reversal and fee booking, newest first. A read model over the ledger's tables (booking, payment_process)
 * and the debtor and portal tables in plain SQL, like the search module: the accounting module writes none of them.
 * Every query is scoped by the partition key; pages are read by key (booked_at, id) with limit + 1 and never counted,
 * so the first page and the hundredth cost the same; index {@code ix_booking_partition_booked} (changelog 0022) serves
 * the date range and the order. The queries read the booking first ({@code straight_join}): left to itself, MariaDB
 * starts a long range from the few portals and sorts every match (9 s for a year at 1,000,000 processes).
 */
@Service
@PreAuthorize(PaymentsList.READERS)
public class PaymentsList {

    /** FINANCE, ADMIN and AUDITOR read the payments list and export it. */
    public static final String READERS = "hasAnyRole('FINANCE', 'ADMIN', 'AUDITOR')";

    /** The longest page one call answers. */
    public static final int MAX_PAGE = 1000;

    private static final String AMOUNT = "(case when b.booking_type = 'FEE' then b.debit else b.credit end)";

    private static final String COLUMNS =
            "select straight_join b.id, b.booked_at, b.txid, b.booking_type, b.receivable_type,"
                    + " b.debit, b.credit, b.currency, coalesce(b.provider_txn, p.provider_reference) as provider_txn,"
                    + " p.payment_method, p.status, p.provider, p.portal_id,"
                    + " d.debtor_number, d.company, d.first_name, d.last_name"
                    + " from booking b force index (%s)"
                    + " join payment_process p on p.txid = b.txid and p.partition_key = b.partition_key"
                    + " left join debtor d on d.id = p.debtor_id";

    private final JdbcTemplate jdbc;
    private final CurrentTenancy currentTenancy;
    private final MerchantDirectory merchants;

    public PaymentsList(JdbcTemplate jdbc, CurrentTenancy currentTenancy, MerchantDirectory merchants) {
        this.jdbc = jdbc;
        this.currentTenancy = currentTenancy;
        this.merchants = merchants;
    }

    /** The merchant's time zone, in which the filter's days are meant and the rows' times are shown. */
    public ZoneId zone() {
        return merchants.requireCurrent().settings().timeZone();
    }

    /** The rows after {@code after} (null: from the newest), at most {@code limit}. */
    @Transactional(readOnly = true)
    public PaymentPage page(PaymentFilter filter, PaymentCursor after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ": " + limit);
        }
        Where where = pageQuery(filter, after, limit);
        // portal names from the merchant's summary, not a join: MariaDB joined the three portals through a join buffer,
        // which lost the index order and sorted the whole range for each page (4 s a page within a month)
        Map<Long, String> portals = merchants.requireCurrent().portals().stream()
                .collect(Collectors.toMap(PortalSummary::id, PortalSummary::name));
        List<PaymentRow> rows =
                jdbc.query(where.sql.toString(), (rs, i) -> row(rs, portals), where.parameters.toArray());
        boolean more = rows.size() > limit;
        return new PaymentPage(more ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows), more);
    }

    /** The database's plan of a page's query (for docs/benchmarks.md), row by row. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> explainPage(PaymentFilter filter, PaymentCursor after, int limit) {
        Where where = pageQuery(filter, after, limit);
        return jdbc.queryForList("explain " + where.sql, where.parameters.toArray());
    }

    /** The database's plan of the sums' query. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> explainSums(PaymentFilter filter) {
        Where where = sumsQuery(filter);
        return jdbc.queryForList("explain " + where.sql, where.parameters.toArray());
    }

    private Where pageQuery(PaymentFilter filter, PaymentCursor after, int limit) {
        Where where = where(filter, true);
        if (after != null) {
            // the first condition gives the index range, the second skips the rows of the same instant already read
            LocalDateTime at = utc(after.bookedAt());
            where.sql.append(" and b.booked_at <= ? and (b.booked_at < ? or b.id < ?)");
            where.parameters.add(at);
            where.parameters.add(at);
            where.parameters.add(after.bookingId());
        }
        where.sql
                .insert(0, COLUMNS.formatted(where.index))
                .append(" order by b.partition_key desc, b.booked_at desc, b.id desc limit ")
                .append(limit + 1);
        return where;
    }

    /**
     * Every filtered row, newest first, handed to {@code sink} one by one: read in chunks by key, each a short query of
     * its own, so an export of many rows holds neither the rows nor a long transaction. Answers how many.
     */
    public long forEach(PaymentFilter filter, Consumer<PaymentRow> sink) {
        long written = 0;
        PaymentCursor after = null;
        while (true) {
            PaymentPage chunk = page(filter, after, MAX_PAGE);
            chunk.rows().forEach(sink);
            written += chunk.rows().size();
            if (!chunk.more()) {
                return written;
            }
            after = chunk.next();
        }
    }

    /** Count, money in, money out, net and fees per currency of the filtered rows, by currency code. */
    @Transactional(readOnly = true)
    public List<SumRow> sums(PaymentFilter filter) {
        Where where = sumsQuery(filter);
        return jdbc.query(
                where.sql.toString(),
                (rs, i) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    long in = rs.getLong("money_in");
                    long out = rs.getLong("money_out");
                    return new SumRow(
                            currency.getCurrencyCode(),
                            new PaymentSum(
                                    rs.getLong("n"),
                                    new Money(in, currency),
                                    new Money(out, currency),
                                    new Money(in + out, currency),
                                    new Money(rs.getLong("fees"), currency)));
                },
                where.parameters.toArray());
    }

    private Where sumsQuery(PaymentFilter filter) {
        Where where = where(filter, false);
        String from = where.joinsProcess
                ? " from booking b force index (" + where.index + ")"
                        + " join payment_process p on p.txid = b.txid and p.partition_key = b.partition_key"
                : " from booking b force index (" + where.index + ")";
        where.sql
                .insert(
                        0,
                        "select straight_join b.currency, count(*) as n,"
                                + " coalesce(sum(case when b.booking_type <> 'FEE' and b.credit > 0 then b.credit end), 0)"
                                + " as money_in,"
                                + " coalesce(sum(case when b.booking_type <> 'FEE' and b.credit < 0 then b.credit end), 0)"
                                + " as money_out,"
                                + " coalesce(sum(case when b.booking_type = 'FEE' then b.debit end), 0) as fees"
                                + from)
                .append(" group by b.currency order by b.currency");
        return where;
    }

    /** The sums of one currency. */
    public record SumRow(String currency, PaymentSum sum) {}

    /**
     * A query's condition; {@code index} is the booking index it reads: the bookings of one type by time when one
     * type is chosen (a year of returned debits is a few thousand entries), else all of the partition's by time.
     * Named, because with a cursor MariaDB sometimes picked the other index and sorted a month (seconds a page).
     */
    private record Where(StringBuilder sql, List<Object> parameters, boolean joinsProcess, String index) {}

    private Where where(PaymentFilter filter, boolean processJoined) {
        filter.validate();
        String partition = currentTenancy.requirePartition().key();
        ZoneId zone = zone();
        // the partition as a range of one key, not "=": with "=" MariaDB reads the partition's index from its end
        // (ref access) and walks to a deep page's cursor row by row; as a range it seeks to the cursor at once, and
        // the order by that names partition_key first keeps the index's order without a sort
        StringBuilder sql = new StringBuilder(
                " where b.partition_key >= ? and b.partition_key <= ? and b.booked_at >= ? and b.booked_at < ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(partition);
        parameters.add(partition);
        parameters.add(utc(filter.from().atStartOfDay(zone).toInstant()));
        parameters.add(utc(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        Set<PaymentKind> kinds = filter.kinds();
        // a chargeback and a returned debit are one booking type told apart by the process's method: only when one of
        // them is chosen without the other does the condition need the process
        boolean split = kinds.contains(PaymentKind.CHARGEBACK) != kinds.contains(PaymentKind.RETURNED_DEBIT);
        List<String> types = kinds.stream()
                .filter(k -> !split || k.bookingType() != BookingType.CHARGEBACK)
                .map(k -> "'" + k.bookingType().name() + "'")
                .distinct()
                .sorted()
                .toList();
        List<String> alternatives = new ArrayList<>();
        if (!types.isEmpty()) {
            alternatives.add("b.booking_type in (" + String.join(", ", types) + ")");
        }
        if (split) {
            alternatives.add(
                    (kinds.contains(PaymentKind.CHARGEBACK) ? PaymentKind.CHARGEBACK : PaymentKind.RETURNED_DEBIT)
                            .condition());
        }
        List<String> bookingTypes = kinds.stream()
                .map(k -> "'" + k.bookingType().name() + "'")
                .distinct()
                .sorted()
                .toList();
        sql.append(" and b.booking_type in (")
                .append(String.join(", ", bookingTypes))
                .append(')');
        sql.append(" and (").append(String.join(" or ", alternatives)).append(')');
        boolean needsProcess = split;
        if (filter.portalId() != null) {
            sql.append(" and p.portal_id = ?");
            parameters.add(filter.portalId());
            needsProcess = true;
        }
        if (filter.provider() != null) {
            sql.append(" and p.provider = ?");
            parameters.add(filter.provider());
            needsProcess = true;
        }
        if (filter.method() != null) {
            sql.append(" and p.payment_method = ?");
            parameters.add(filter.method().name());
            needsProcess = true;
        }
        if (filter.status() != null) {
            sql.append(" and p.status = ?");
            parameters.add(filter.status().name());
            needsProcess = true;
        }
        if (filter.minAmount() != null) {
            sql.append(" and abs(" + AMOUNT + ") >= ?");
            parameters.add(filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            sql.append(" and abs(" + AMOUNT + ") <= ?");
            parameters.add(filter.maxAmount());
        }
        return new Where(
                sql,
                parameters,
                needsProcess || processJoined,
                bookingTypes.size() == 1 ? "ix_booking_partition_type_booked" : "ix_booking_partition_booked");
    }

    private PaymentRow row(ResultSet rs, Map<Long, String> portals) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        PaymentMethod method = PaymentMethod.valueOf(rs.getString("payment_method"));
        PaymentKind kind = PaymentKind.of(BookingType.valueOf(rs.getString("booking_type")), method);
        return new PaymentRow(
                rs.getLong("id"),
                rs.getObject("booked_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getLong("txid"),
                rs.getObject("debtor_number", Long.class),
                name(rs.getString("company"), rs.getString("first_name"), rs.getString("last_name")),
                portals.getOrDefault(rs.getLong("portal_id"), ""),
                rs.getString("provider"),
                rs.getString("provider_txn"),
                method,
                kind,
                ReceivableType.valueOf(rs.getString("receivable_type")),
                new Money(kind.signedAmount(rs.getLong("debit"), rs.getLong("credit")), currency),
                ProcessStatus.valueOf(rs.getString("status")));
    }

    private static String name(String company, String first, String last) {
        if (company != null && !company.isBlank()) {
            return company;
        }
        if (first == null) {
            return last;
        }
        return last == null ? first : first + " " + last;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
