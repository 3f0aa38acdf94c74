package com.kontor.mail.internal;

import com.kontor.document.DocumentIssued;
import com.kontor.document.DocumentType;
import com.kontor.mail.DocumentDispatch;
import com.kontor.mail.EmailStatus;
import com.kontor.money.Money;
import com.kontor.tenancy.Partition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rows of {@code document_dispatch} (DOC-4): the outbox of issued documents and how each went out. */
@Repository
public class DispatchStore {

    private final JdbcTemplate jdbc;

    public DispatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In the issuing transaction: the document waits for its dispatch. */
    void insertPending(DocumentIssued issued, Instant now) {
        jdbc.update(
                """
                insert into document_dispatch (partition_key, document_number, document_type, txid, debtor_id,
                    language, amount_minor, currency, channel, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""",
                issued.partition().key(),
                issued.number(),
                issued.type().name(),
                issued.txid(),
                issued.debtorId(),
                issued.language(),
                issued.amount().minor(),
                issued.amount().currency().getCurrencyCode(),
                Timestamp.from(now));
    }

    /** Locks the pending dispatch of {@code number} unless someone else holds it. */
    Optional<DocumentIssued> claim(Partition partition, String number) {
        return jdbc
                .query(
                        "select * from document_dispatch where partition_key = ? and document_number = ?"
                                + " and channel = 'PENDING' for update skip locked",
                        DispatchStore::issued,
                        partition.key(),
                        number)
                .stream()
                .findFirst();
    }

    /** Pending dispatches created before {@code before}, across partitions, oldest first. */
    List<DocumentIssued> pendingBefore(Instant before, int limit) {
        return jdbc.query(
                "select * from document_dispatch where channel = 'PENDING' and created_at < ?"
                        + " order by created_at limit " + limit,
                DispatchStore::issued,
                Timestamp.from(before));
    }

    void markEmail(Partition partition, String number, long emailId, Instant now) {
        jdbc.update(
                "update document_dispatch set channel = 'EMAIL', email_id = ?, dispatched_at = ?"
                        + " where partition_key = ? and document_number = ?",
                emailId,
                Timestamp.from(now),
                partition.key(),
                number);
    }

    void markPost(Partition partition, String number, Instant now) {
        jdbc.update(
                "update document_dispatch set channel = 'POST', dispatched_at = ?"
                        + " where partition_key = ? and document_number = ?",
                Timestamp.from(now),
                partition.key(),
                number);
    }

    /** The dispatch of document {@code number} of this partition with its email's status. */
    public Optional<DocumentDispatch> find(Partition partition, String number) {
        return jdbc
                .query(
                        """
                        select x.document_number, x.channel, x.email_id, e.status, e.sent_at, x.dispatched_at
                        from document_dispatch x left join email_message e on e.id = x.email_id
                        where x.partition_key = ? and x.document_number = ?""",
                        (rs, n) -> {
                            long email = rs.getLong("email_id");
                            Long emailId = rs.wasNull() ? null : email;
                            String status = rs.getString("status");
                            return new DocumentDispatch(
                                    rs.getString("document_number"),
                                    DocumentDispatch.Channel.valueOf(rs.getString("channel")),
                                    emailId,
                                    status == null ? null : EmailStatus.valueOf(status),
                                    instant(rs.getTimestamp("sent_at")),
                                    instant(rs.getTimestamp("dispatched_at")));
                        },
                        partition.key(),
                        number)
                .stream()
                .findFirst();
    }

    private static DocumentIssued issued(ResultSet rs, int row) throws SQLException {
        long debtor = rs.getLong("debtor_id");
        Long debtorId = rs.wasNull() ? null : debtor;
        return new DocumentIssued(
                Partition.ofKey(rs.getString("partition_key")),
                rs.getString("document_number"),
                DocumentType.valueOf(rs.getString("document_type")),
                rs.getLong("txid"),
                debtorId,
                rs.getString("language"),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
