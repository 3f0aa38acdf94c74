package com.kontor.document.internal;

import com.kontor.document.DocumentType;
import com.kontor.document.IssuedDocument;
import com.kontor.tenancy.Partition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The archive's rows in plain SQL, every statement restricted to the partition it is given (merchant and mode): the
 * numbering counters and the issued documents with their PDF bytes. Rows are only ever inserted (the table's
 * triggers refuse updates and deletes).
 */
@Repository
public class DocumentArchive {

    /** The columns of {@link IssuedDocument}, for every query that answers one. */
    public static final String COLUMNS = "d.number, d.type, d.txid, d.debtor_id, d.issued_at, d.language, d.sha256";

    public static final RowMapper<IssuedDocument> ISSUED = DocumentArchive::issued;

    private final JdbcTemplate jdbc;

    public DocumentArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of this type, taken from the counter row, which stays locked until the caller's transaction
     * ends: a rollback gives the number back, and a concurrent issue waits for this one and gets the following number
     * (DOC-2). One statement creates the row on first use or raises it, taking the row's exclusive lock at once (an
     * insert-if-missing followed by a locking read would hold a shared lock first, and two issues would deadlock).
     */
    public long takeNumber(Partition partition, DocumentType type) {
        jdbc.update("""
                insert into document_counter (partition_key, type, next_value) values (?, ?, 2)
                on duplicate key update next_value = next_value + 1""", partition.key(), type.name());
        Long next = jdbc.queryForObject(
                "select next_value from document_counter where partition_key = ? and type = ?",
                Long.class,
                partition.key(),
                type.name());
        return next - 1;
    }

    public record NewDocument(
            Partition partition,
            String number,
            DocumentType type,
            long txid,
            Long debtorId,
            Instant issuedAt,
            String language,
            String sha256,
            byte[] pdf,
            String issuedBy) {}

    public void insert(NewDocument d) {
        jdbc.update(
                """
                insert into document (partition_key, number, type, txid, debtor_id, issued_at, language, sha256, pdf,
                                      size, issued_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                d.partition().key(),
                d.number(),
                d.type().name(),
                d.txid(),
                d.debtorId(),
                Timestamp.from(d.issuedAt()),
                d.language(),
                d.sha256(),
                d.pdf(),
                d.pdf().length,
                d.issuedBy());
    }

    /** The invoice of a process in this partition, if it has one. */
    public Optional<IssuedDocument> invoiceOf(Partition partition, long txid) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from document d where d.partition_key = ? and d.invoice_txid = ?",
                        ISSUED,
                        partition.key(),
                        txid)
                .stream()
                .findFirst();
    }

    public List<IssuedDocument> ofProcess(Partition partition, long txid) {
        return jdbc.query(
                "select " + COLUMNS + " from document d where d.partition_key = ? and d.txid = ? order by d.id",
                ISSUED,
                partition.key(),
                txid);
    }

    public List<IssuedDocument> ofDebtor(Partition partition, long debtorId) {
        return jdbc.query(
                "select " + COLUMNS + " from document d where d.partition_key = ? and d.debtor_id = ? order by d.id",
                ISSUED,
                partition.key(),
                debtorId);
    }

    /** A stored PDF with what identifies it. */
    public record StoredPdf(String number, String sha256, byte[] pdf) {}

    public Optional<StoredPdf> pdf(Partition partition, String number) {
        return jdbc
                .query(
                        "select number, sha256, pdf from document where partition_key = ? and number = ?",
                        (rs, n) -> new StoredPdf(rs.getString(1), rs.getString(2), rs.getBytes(3)),
                        partition.key(),
                        number)
                .stream()
                .findFirst();
    }

    private static IssuedDocument issued(ResultSet rs, int row) throws SQLException {
        long debtor = rs.getLong("debtor_id");
        Long debtorId = rs.wasNull() ? null : debtor;
        return new IssuedDocument(
                rs.getString("number"),
                DocumentType.valueOf(rs.getString("type")),
                rs.getLong("txid"),
                debtorId,
                rs.getTimestamp("issued_at").toInstant(),
                rs.getString("language"),
                rs.getString("sha256"));
    }
}
