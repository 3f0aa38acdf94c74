package com.kontor.mail.internal;

import com.kontor.mail.EmailCopy;
import com.kontor.mail.EmailPurpose;
import com.kontor.mail.EmailStatus;
import com.kontor.tenancy.Partition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The email copies in plain SQL. Reads are restricted to the partition they are given; only the sender's claims work
 * across partitions, and they lock the row they claim ({@code FOR UPDATE SKIP LOCKED}), so two servers (or two
 * sweeps) never send one email twice.
 */
@Repository
public class EmailStore {

    private static final String COLUMNS = """
            id, partition_key, debtor_id, txid, purpose, from_address, to_address, subject, body,
            attachment_document_number, status, attempts, last_error, created_at, sent_at, next_attempt_at, message_id""";

    private final JdbcTemplate jdbc;

    public EmailStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Partition partition, EmailCopy c) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement s = connection.prepareStatement("""
                            insert into email_message (partition_key, debtor_id, txid, purpose, from_address,
                                to_address, subject, body, attachment_document_number, status, attempts,
                                next_attempt_at, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
                    s.setString(1, partition.key());
                    s.setObject(2, c.debtorId());
                    s.setObject(3, c.txid());
                    s.setString(4, c.purpose().name());
                    s.setString(5, c.from());
                    s.setString(6, c.to());
                    s.setString(7, c.subject());
                    s.setString(8, c.body());
                    s.setString(9, c.attachmentDocumentNumber());
                    s.setString(10, c.status().name());
                    s.setTimestamp(11, c.nextAttemptAt() == null ? null : Timestamp.from(c.nextAttemptAt()));
                    s.setTimestamp(12, Timestamp.from(c.createdAt()));
                    return s;
                },
                key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    public Optional<EmailCopy> find(Partition partition, long id) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from email_message where id = ? and partition_key = ?",
                        EmailStore::stored,
                        id,
                        partition.key())
                .stream()
                .map(StoredEmail::copy)
                .findFirst();
    }

    public List<EmailCopy> ofDebtor(Partition partition, long debtorId) {
        return copies(
                "select " + COLUMNS + " from email_message where debtor_id = ? and partition_key = ? order by id desc",
                debtorId,
                partition.key());
    }

    public List<EmailCopy> ofProcess(Partition partition, long txid) {
        return copies(
                "select " + COLUMNS + " from email_message where txid = ? and partition_key = ? order by id desc",
                txid,
                partition.key());
    }

    /** A page, newest first, of all copies or of those with {@code status}. */
    public List<EmailCopy> page(Partition partition, EmailStatus status, int offset, int limit) {
        List<Object> arguments = new ArrayList<>(List.of(partition.key()));
        String where = " where partition_key = ?";
        if (status != null) {
            where += " and status = ?";
            arguments.add(status.name());
        }
        return copies(
                "select " + COLUMNS + " from email_message" + where + " order by id desc limit " + Math.max(0, limit)
                        + " offset " + Math.max(0, offset),
                arguments.toArray());
    }

    /** Locks email {@code id} if it waits to be sent and no one else holds it. */
    public Optional<StoredEmail> claim(long id) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from email_message where id = ? and status in ('QUEUED', 'RETRYING')"
                                + " for update skip locked",
                        EmailStore::stored,
                        id)
                .stream()
                .findFirst();
    }

    /** Keeps a claimed email from other senders until {@code until} (its next attempt moved past the sending). */
    public void lease(long id, Instant until) {
        jdbc.update("update email_message set next_attempt_at = ? where id = ?", Timestamp.from(until), id);
    }

    /**
     * Locks one email due at {@code now} that no one else holds. No ORDER BY: sorting would read (and lock) every due
     * row first, so one sweep would hold them all; along the index the scan stops at the first free row.
     */
    public Optional<StoredEmail> claimDue(Instant now) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from email_message where status in ('QUEUED', 'RETRYING')"
                                + " and next_attempt_at <= ? limit 1 for update skip locked",
                        EmailStore::stored,
                        Timestamp.from(now))
                .stream()
                .findFirst();
    }

    public void markSent(long id, String messageId, Instant at) {
        jdbc.update(
                "update email_message set status = 'SENT', attempts = attempts + 1, sent_at = ?, message_id = ?,"
                        + " next_attempt_at = null, last_error = null where id = ?",
                Timestamp.from(at),
                messageId,
                id);
    }

    public void markFailedAttempt(long id, EmailStatus status, String error, Instant next) {
        jdbc.update(
                "update email_message set status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
                        + " where id = ?",
                status.name(),
                error,
                next == null ? null : Timestamp.from(next),
                id);
    }

    /** A FAILED email of this partition queued again with fresh attempts; false if it is not FAILED here. */
    public boolean requeue(Partition partition, long id, Instant now) {
        return jdbc.update(
                        "update email_message set status = 'QUEUED', attempts = 0, next_attempt_at = ?"
                                + " where id = ? and partition_key = ? and status = 'FAILED'",
                        Timestamp.from(now),
                        id,
                        partition.key())
                == 1;
    }

    private List<EmailCopy> copies(String sql, Object... arguments) {
        return jdbc.query(sql, EmailStore::stored, arguments).stream()
                .map(StoredEmail::copy)
                .toList();
    }

    private static StoredEmail stored(ResultSet rs, int row) throws SQLException {
        long debtor = rs.getLong("debtor_id");
        Long debtorId = rs.wasNull() ? null : debtor;
        long tx = rs.getLong("txid");
        Long txid = rs.wasNull() ? null : tx;
        return new StoredEmail(
                Partition.ofKey(rs.getString("partition_key")),
                new EmailCopy(
                        rs.getLong("id"),
                        debtorId,
                        txid,
                        rs.getString("from_address"),
                        rs.getString("to_address"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("attachment_document_number"),
                        EmailPurpose.valueOf(rs.getString("purpose")),
                        EmailStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        instant(rs, "created_at"),
                        instant(rs, "sent_at"),
                        instant(rs, "next_attempt_at"),
                        rs.getString("message_id")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
