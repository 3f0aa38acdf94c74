package com.kontor.document;

import com.kontor.document.internal.DocumentArchive;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the archive (DOC-3): a process's and a debtor's documents, the search of the Documents view and a PDF by
 * number. Every read is restricted to the current partition (merchant and mode) and checked on the server: a person
 * needs a role that sees documents and the merchant the DOCUMENTS module; the API (its key decides the partition) and
 * Kontor's own jobs need the module. Another merchant's or mode's document is simply not there.
 */
@Service
@Transactional(readOnly = true)
public class DocumentQueries {

    /** The search shows at most this many documents, like the debtor search (SRCH-2). */
    public static final int LIMIT = 1000;

    /** The roles that see documents: everyone of the merchant who works with processes. */
    public static final Set<Role> READERS =
            EnumSet.of(Role.SUPPORT, Role.FINANCE, Role.APPROVER, Role.AUDITOR, Role.ADMIN);

    private static final String ROW_COLUMNS = """
            select d.number, d.type, d.issued_at, d.txid, b.debtor_number,
                   case when b.last_name is null then b.company else concat_ws(' ', b.first_name, b.last_name) end name,
                   d.language
            from document d left join debtor b on b.id = d.debtor_id
            """;

    private final DocumentArchive archive;
    private final JdbcTemplate jdbc;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchants;

    public DocumentQueries(
            DocumentArchive archive,
            JdbcTemplate jdbc,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            MerchantDirectory merchants) {
        this.archive = archive;
        this.jdbc = jdbc;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.merchants = merchants;
    }

    /**
     * Whether the current person (or the API, or a job) may read documents at all: the merchant booked DOCUMENTS
     * (invoices, credit notes) or DUNNING (its dunning letters are documents too, listed and downloaded the same way).
     */
    public boolean mayRead() {
        Optional<KontorUser> user = currentUser.get();
        boolean person = user.isPresent() && !user.get().isSystem();
        if (person && user.get().roles().stream().noneMatch(READERS::contains)) {
            return false;
        }
        if (!person && !TenancyScope.isExplicit() && user.isEmpty()) {
            return false;
        }
        return merchants
                        .current()
                        .map(m -> m.hasModule(BookedModule.DOCUMENTS) || m.hasModule(BookedModule.DUNNING))
                        .orElse(false)
                && currentTenancy.partition().isPresent();
    }

    /** A process's documents, oldest first; empty when there are none. */
    public List<IssuedDocument> documentsOfProcess(long txid) {
        return archive.ofProcess(requireReader(), txid);
    }

    /** A debtor's documents, oldest first. */
    public List<IssuedDocument> documentsOfDebtor(long debtorId) {
        return archive.ofDebtor(requireReader(), debtorId);
    }

    /** The PDF as issued; empty for a number that this merchant and mode do not have. */
    public Optional<DocumentPdf> pdf(String number) {
        if (number == null || number.length() > 40) {
            return Optional.empty();
        }
        return archive.pdf(requireReader(), number)
                .map(stored -> new DocumentPdf(stored.number(), stored.sha256(), stored.pdf()));
    }

    /** Whether more than {@link #LIMIT} documents match; reads at most {@code LIMIT + 1}. */
    public boolean exceedsLimit(DocumentSearch search) {
        Where where = where(requireReader(), search);
        Integer rows = jdbc.queryForObject(
                "select count(*) from (select 1 from document d left join debtor b on b.id = d.debtor_id" + where.sql
                        + " limit " + (LIMIT + 1) + ") hits",
                Integer.class,
                where.arguments.toArray());
        return rows != null && rows > LIMIT;
    }

    /** One page of the documents found, newest first, within the first {@link #LIMIT}. */
    public List<DocumentRow> search(DocumentSearch search, int offset, int limit) {
        Where where = where(requireReader(), search);
        int first = Math.max(0, Math.min(offset, LIMIT));
        int size = Math.max(0, Math.min(limit, LIMIT - first));
        if (size == 0) {
            return List.of();
        }
        return jdbc.query(
                ROW_COLUMNS + where.sql + " order by d.id desc limit " + size + " offset " + first,
                (rs, n) -> {
                    long debtorNumber = rs.getLong("debtor_number");
                    Long number = rs.wasNull() ? null : debtorNumber;
                    return new DocumentRow(
                            rs.getString("number"),
                            DocumentType.valueOf(rs.getString("type")),
                            rs.getTimestamp("issued_at").toInstant(),
                            rs.getLong("txid"),
                            number,
                            rs.getString("name"),
                            rs.getString("language"));
                },
                where.arguments.toArray());
    }

    private record Where(String sql, List<Object> arguments) {}

    /** The search's conditions; a date range with its end before its start is refused on the "to" field. */
    private Where where(Partition partition, DocumentSearch search) {
        if (search.from() != null && search.to() != null && search.to().isBefore(search.from())) {
            throw OperationRefused.onField("to", "documents.search.toBeforeFrom");
        }
        StringBuilder sql = new StringBuilder(" where d.partition_key = ?");
        List<Object> arguments = new ArrayList<>(List.of(partition.key()));
        if (search.numberPrefix() != null) {
            sql.append(" and d.number like ? escape '!'");
            arguments.add(
                    search.numberPrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (search.debtorNumber() != null) {
            sql.append(" and b.debtor_number = ?");
            arguments.add(search.debtorNumber());
        }
        if (search.type() != null) {
            sql.append(" and d.type = ?");
            arguments.add(search.type().name());
        }
        ZoneId zone = merchants.requireCurrent().settings().timeZone();
        if (search.from() != null) {
            sql.append(" and d.issued_at >= ?");
            arguments.add(Timestamp.from(search.from().atStartOfDay(zone).toInstant()));
        }
        if (search.to() != null) {
            sql.append(" and d.issued_at < ?");
            arguments.add(
                    Timestamp.from(search.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return new Where(sql.toString(), arguments);
    }

    private Partition requireReader() {
        if (!mayRead()) {
            throw new AccessDeniedException("Documents are not readable here (role, module, merchant or mode)");
        }
        return currentTenancy.requirePartition();
    }

    /** The merchant's time zone, for showing issue dates. */
    public ZoneId timeZone() {
        return merchants.current().map(MerchantSummary::settings).orElseThrow().timeZone();
    }
}
