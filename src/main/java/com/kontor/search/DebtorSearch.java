package com.kontor.search;

import com.kontor.crypto.Fingerprints;
import com.kontor.debtor.Iban;
import com.kontor.debtor.PaymentDataValidation;
import com.kontor.debtor.SearchWords;
import com.kontor.ledger.DunningStatus;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.money.Money;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The debtor and payment search (SRCH-1..4) of the current merchant and mode. A read model over the debtor and
 * payment tables in plain SQL, always restricted to the current partition: {@link #exceedsLimit} reads at most
 * 1,001 matching rows (no COUNT over all matches), and {@link #page} reads one sorted page at a time, so a view
 * never holds the result list.
 */
@Service
public class DebtorSearch {

    /** SRCH-2: more matches than this show no list, only a request to narrow the search. */
    public static final int LIMIT = 1000;

    private static final String FROM = " from debtor d left join payment_process p on p.debtor_id = d.id"
            + " and p.partition_key = d.partition_key where d.partition_key = ?";

    private final JdbcTemplate jdbc;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchants;
    private final Fingerprints fingerprints;

    public DebtorSearch(
            JdbcTemplate jdbc,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            MerchantDirectory merchants,
            Fingerprints fingerprints) {
        this.jdbc = jdbc;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.merchants = merchants;
        this.fingerprints = fingerprints;
    }

    /** A search made ready for SQL: the condition and its parameters. */
    public record Prepared(String where, List<Object> parameters) {}

    /** Checks the criteria (a refusal names {@code criterion1..3}, {@code from} or {@code to}) and prepares them. */
    @Transactional(readOnly = true)
    public Prepared prepare(SearchRequest request) {
        requireSearcher();
        String partition = currentTenancy.requirePartition().key();
        ZoneId zone = merchants.requireCurrent().settings().timeZone();
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        parameters.add(partition);
        if (request.criteria().size() > 3) {
            throw OperationRefused.because("search.tooManyCriteria");
        }
        if (request.portalId() != null) {
            boolean ours = merchants.requireCurrent().portals().stream().anyMatch(p -> p.id() == request.portalId());
            if (!ours) {
                throw OperationRefused.onField("portal", "search.portalUnknown");
            }
            where.append(" and p.portal_id = ?");
            parameters.add(request.portalId());
        }
        for (int i = 0; i < request.criteria().size(); i++) {
            SearchRequest.Criterion criterion = request.criteria().get(i);
            String field = "criterion" + (i + 1);
            String value = criterion.value() == null ? "" : criterion.value().strip();
            if (criterion.category() == null || value.isEmpty()) {
                throw OperationRefused.onField(field, "search.valueRequired");
            }
            condition(criterion.category(), value, field, partition, where, parameters);
        }
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            throw OperationRefused.onField("to", "search.rangeReversed");
        }
        if (request.from() != null) {
            where.append(" and p.created_at >= ?");
            parameters.add(Timestamp.from(request.from().atStartOfDay(zone).toInstant()));
        }
        if (request.to() != null) {
            where.append(" and p.created_at < ?");
            parameters.add(
                    Timestamp.from(request.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return new Prepared(where.toString(), List.copyOf(parameters));
    }

    /** SRCH-2: whether more than {@link #LIMIT} rows match; reads at most 1,001 of them. */
    @Transactional(readOnly = true)
    public boolean exceedsLimit(Prepared search) {
        requireSearcher();
        Integer rows = jdbc.queryForObject(
                "select count(*) from (select 1" + FROM + search.where() + " limit " + (LIMIT + 1) + ") hits",
                Integer.class,
                search.parameters().toArray());
        return rows != null && rows > LIMIT;
    }

    /** One page of the result in the given order (ties broken by debtor and TXID, so pages never overlap). */
    @Transactional(readOnly = true)
    public List<SearchRow> page(Prepared search, SortColumn column, boolean descending, int offset, int limit) {
        requireSearcher();
        return jdbc.query(
                pageSql(search, column, descending, offset, limit),
                DebtorSearch::row,
                search.parameters().toArray());
    }

    /** The SQL of one page (the benchmark explains it). */
    String pageSql(Prepared search, SortColumn column, boolean descending, int offset, int limit) {
        int first = Math.max(0, Math.min(offset, LIMIT));
        int size = Math.max(0, Math.min(limit, LIMIT - first));
        String direction = descending ? " desc" : " asc";
        return """
                select d.id, d.debtor_number, d.last_name, d.first_name, d.company, d.created_at as debtor_created,
                       p.txid, p.created_at, p.payment_method, p.status, p.dunning_status, p.currency, p.receivable,
                       p.preauthorized, p.paid""" + FROM + search.where()
                + " order by " + column.sql() + direction + ", d.id" + direction + ", p.txid" + direction
                + " limit " + size + " offset " + first;
    }

    private void condition(
            Category category,
            String value,
            String field,
            String partition,
            StringBuilder where,
            List<Object> parameters) {
        switch (category) {
            case FIRST_NAME -> words(SearchWords.FIRST_NAME, value, field, partition, where, parameters);
            case LAST_NAME -> words(SearchWords.LAST_NAME, value, field, partition, where, parameters);
            case COMPANY -> words(SearchWords.COMPANY, value, field, partition, where, parameters);
            case CITY -> words(SearchWords.CITY, value, field, partition, where, parameters);
            case EMAIL -> words(SearchWords.EMAIL, value, field, partition, where, parameters);
            case POSTCODE -> {
                where.append(" and d.postcode like ?");
                parameters.add(likePrefix(value));
            }
            case DEBTOR_NUMBER -> {
                where.append(" and d.debtor_number = ?");
                parameters.add(number(value, field, "search.debtorNumberInvalid"));
            }
            case CUSTOMER_NUMBER -> {
                where.append(" and d.customer_id = ?");
                parameters.add(value);
            }
            case TXID -> {
                where.append(" and p.txid = ?");
                parameters.add(number(value, field, "search.txidInvalid"));
            }
            case REFERENCE -> {
                where.append(" and p.reference = ?");
                parameters.add(value);
            }
            case INVOICE_NUMBER -> {
                where.append(" and p.invoice_number = ?");
                parameters.add(value);
            }
            case PROVIDER_REFERENCE -> {
                where.append(" and p.provider_reference = ?");
                parameters.add(value);
            }
            case IBAN -> {
                Iban iban;
                try {
                    iban = Iban.parse(value);
                } catch (OperationRefused e) {
                    throw OperationRefused.onField(field, e.messageKey());
                }
                // typed in full and matched by keyed fingerprint: the IBAN itself is never in clear in the database
                where.append(" and d.id in (select a.debtor_id from debtor_bank_account a"
                        + " where a.partition_key = ? and a.iban_fingerprint = ? and a.removed_at is null)");
                parameters.add(partition);
                parameters.add(fingerprints.of(PaymentDataValidation.IBAN_FINGERPRINT, iban.value()));
            }
            case PAYMENT_METHOD -> {
                where.append(" and p.payment_method = ?");
                parameters.add(PaymentMethod.valueOf(value).name());
            }
            case STATUS -> {
                where.append(" and p.status = ?");
                parameters.add(ProcessStatus.valueOf(value).name());
            }
            case DUNNING_LEVEL -> {
                where.append(" and p.dunning_status = ?");
                parameters.add(DunningStatus.valueOf(value).name());
            }
        }
    }

    /** Every typed word must start some word of the field (any order); accents and case do not matter. */
    private static void words(
            char code, String value, String field, String partition, StringBuilder where, List<Object> parameters) {
        List<String> words = SearchWords.words(value);
        if (words.isEmpty()) {
            throw OperationRefused.onField(field, "search.valueRequired");
        }
        for (String word : words) {
            where.append(" and d.id in (select w.debtor_id from debtor_word w where w.partition_key = ?"
                    + " and w.field = ? and w.word like ?)");
            parameters.add(partition);
            parameters.add(String.valueOf(code));
            parameters.add(likePrefix(word));
        }
    }

    private static String likePrefix(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static long number(String value, String field, String messageKey) {
        try {
            return Long.parseLong(value.replace(" ", ""));
        } catch (NumberFormatException e) {
            throw OperationRefused.onField(field, messageKey);
        }
    }

    private static SearchRow row(ResultSet rs, int i) throws SQLException {
        long txid = rs.getLong("txid");
        boolean process = !rs.wasNull();
        Currency currency = process ? Currency.getInstance(rs.getString("currency")) : null;
        return new SearchRow(
                rs.getLong("id"),
                rs.getLong("debtor_number"),
                rs.getString("last_name"),
                rs.getString("first_name"),
                rs.getString("company"),
                process ? txid : null,
                process
                        ? rs.getTimestamp("created_at").toInstant()
                        : rs.getTimestamp("debtor_created").toInstant(),
                rs.getString("payment_method"),
                rs.getString("status"),
                rs.getString("dunning_status"),
                process ? new Money(rs.getLong("receivable"), currency) : null,
                process ? new Money(rs.getLong("preauthorized"), currency) : null,
                process ? new Money(rs.getLong("paid"), currency) : null,
                process ? new Money(rs.getLong("receivable") - rs.getLong("paid"), currency) : null);
    }

    private void requireSearcher() {
        KontorUser user = currentUser.require();
        boolean allowed = user.isSystem() || Role.MERCHANT_ROLES.stream().anyMatch(user::hasRole);
        if (!allowed || user.merchantId() == null && !user.isSystem()) {
            throw new AccessDeniedException("The search is for the merchant's staff");
        }
    }
}
