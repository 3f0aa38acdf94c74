package com.kontor.dunning.internal;

import com.kontor.dunning.DunningEntry;
import com.kontor.dunning.DunningEntryStatus;
import com.kontor.money.Money;
import com.kontor.tenancy.Partition;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The dunning steps of processes and their state (dunning_notice, dunning_state), read and written with SQL. */
@Repository
public class DunningNotices {

    private static final String COLUMNS = """
            n.id, n.txid, n.debtor_id, n.level, n.round, n.status, n.created_at, n.executed_at, n.executed_by,
            p.created_at as transaction_at, n.currency, n.receivable, n.fee + n.flat_fee as fees, n.interest,
            n.balance, n.document_number, n.email_id, n.next_notice_on""";

    private static final RowMapper<DunningEntry> ENTRY = DunningNotices::entry;

    private final JdbcTemplate jdbc;

    public DunningNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A step to write: a new one, or the execution of a proposal ({@code proposalId}). */
    public record Step(
            Partition partition,
            long txid,
            Long debtorId,
            int level,
            int round,
            DunningEntryStatus status,
            Long runId,
            String currency,
            long receivable,
            long fee,
            long flatFee,
            long interest,
            long balance,
            String channel,
            String documentNumber,
            Long emailId,
            LocalDate nextNoticeOn,
            Instant at,
            String executedBy) {}

    public void insert(Step s) {
        jdbc.update(
                """
                insert into dunning_notice (partition_key, txid, debtor_id, level, round, status, run_id, currency,
                  receivable, fee, flat_fee, interest, balance, channel, document_number, email_id, next_notice_on,
                  created_at, executed_at, executed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                s.partition().key(),
                s.txid(),
                s.debtorId(),
                s.level(),
                s.round(),
                s.status().name(),
                s.runId(),
                s.currency(),
                s.receivable(),
                s.fee(),
                s.flatFee(),
                s.interest(),
                s.balance(),
                s.channel(),
                s.documentNumber(),
                s.emailId(),
                date(s.nextNoticeOn()),
                Timestamp.from(s.at()),
                s.status() == DunningEntryStatus.PROPOSED ? null : Timestamp.from(s.at()),
                s.status() == DunningEntryStatus.PROPOSED ? null : s.executedBy());
    }

    /** Writes what the execution of proposal {@code id} did; answers false when it was no longer PROPOSED. */
    public boolean executeProposal(long id, Step s) {
        return jdbc.update(
                        """
                update dunning_notice set status = ?, receivable = ?, fee = ?, flat_fee = ?, interest = ?,
                  balance = ?, channel = ?, document_number = ?, email_id = ?, next_notice_on = ?, executed_at = ?,
                  executed_by = ?
                where id = ? and partition_key = ? and status = 'PROPOSED'""",
                        s.status().name(),
                        s.receivable(),
                        s.fee(),
                        s.flatFee(),
                        s.interest(),
                        s.balance(),
                        s.channel(),
                        s.documentNumber(),
                        s.emailId(),
                        date(s.nextNoticeOn()),
                        Timestamp.from(s.at()),
                        s.executedBy(),
                        id,
                        s.partition().key())
                == 1;
    }

    /** A proposal that will not be executed (the process was settled, blocked or moved on). */
    public void discard(long id, Partition partition, Instant at, String by) {
        jdbc.update(
                "update dunning_notice set status = 'DISCARDED', executed_at = ?, executed_by = ?"
                        + " where id = ? and partition_key = ? and status = 'PROPOSED'",
                Timestamp.from(at),
                by,
                id,
                partition.key());
    }

    /** A proposal of the partition, locked for its release; empty when there is none. */
    public Optional<Proposal> lockProposal(Partition partition, long id) {
        return jdbc
                .query(
                        "select id, txid, level, round, status from dunning_notice where id = ? and partition_key = ?"
                                + " for update",
                        (rs, row) -> new Proposal(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getInt(3),
                                rs.getInt(4),
                                DunningEntryStatus.valueOf(rs.getString(5))),
                        id,
                        partition.key())
                .stream()
                .findFirst();
    }

    public record Proposal(long id, long txid, int level, int round, DunningEntryStatus status) {}

    /** The next round of a level for a process: 1, or one more than the last (a repeat by hand). */
    public int nextRound(long txid, int level) {
        Integer last = jdbc.queryForObject(
                "select max(round) from dunning_notice where txid = ? and level = ?", Integer.class, txid, level);
        return last == null ? 1 : last + 1;
    }

    /** What the executed steps of a process charged so far: fees, the flat fee, interest. */
    public record Charged(long fees, long flatFees, long interest) {
        public long total() {
            return fees + flatFees + interest;
        }
    }

    public Charged charged(long txid) {
        return jdbc.queryForObject(
                "select coalesce(sum(fee), 0), coalesce(sum(flat_fee), 0), coalesce(sum(interest), 0)"
                        + " from dunning_notice where txid = ? and status = 'SENT'",
                (rs, row) -> new Charged(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                txid);
    }

    public List<DunningEntry> ofProcess(Partition partition, long txid) {
        return jdbc.query(
                "select " + COLUMNS + " from dunning_notice n join payment_process p on p.txid = n.txid"
                        + " where n.txid = ? and n.partition_key = ? order by n.id desc",
                ENTRY,
                txid,
                partition.key());
    }

    /**
     * The debtor's steps created between {@code from} and {@code to} (inclusive, as dates of {@code zone}'s midnight
     * given as instants), newest first; {@code activeOnly}: of processes still open and in dunning.
     */
    public List<DunningEntry> ofDebtor(
            Partition partition, long debtorId, Instant from, Instant to, boolean activeOnly) {
        return jdbc.query(
                "select " + COLUMNS + " from dunning_notice n join payment_process p on p.txid = n.txid"
                        + " where n.debtor_id = ? and n.partition_key = ? and n.created_at >= ? and n.created_at < ?"
                        + (activeOnly ? " and p.status = 'OPEN' and p.dunning_status <> 'NONE'" : "")
                        + " order by n.created_at desc, n.id desc limit 1000",
                ENTRY,
                debtorId,
                partition.key(),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /** When the process's next level is due, and since when it is overdue where a chargeback made it due. */
    public record State(LocalDate overdueSince, LocalDate nextNoticeOn) {}

    public Optional<State> state(long txid) {
        return jdbc
                .query(
                        "select overdue_since, next_notice_on from dunning_state where txid = ?",
                        (rs, row) -> new State(localDate(rs.getDate(1)), localDate(rs.getDate(2))),
                        txid)
                .stream()
                .findFirst();
    }

    public void setNextNotice(Partition partition, long txid, LocalDate next, Instant at) {
        jdbc.update(
                "insert into dunning_state (txid, partition_key, next_notice_on, updated_at) values (?, ?, ?, ?)"
                        + " on duplicate key update next_notice_on = values(next_notice_on),"
                        + " updated_at = values(updated_at)",
                txid,
                partition.key(),
                date(next),
                Timestamp.from(at));
    }

    /** A chargeback or returned debit made the receivable due on {@code day} (DUN-2); the first such day counts. */
    public void overdueSince(Partition partition, long txid, LocalDate day, Instant at) {
        jdbc.update(
                "insert into dunning_state (txid, partition_key, overdue_since, updated_at) values (?, ?, ?, ?)"
                        + " on duplicate key update overdue_since = coalesce(overdue_since, values(overdue_since)),"
                        + " updated_at = values(updated_at)",
                txid,
                partition.key(),
                date(day),
                Timestamp.from(at));
    }

    private static DunningEntry entry(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        Timestamp executed = rs.getTimestamp("executed_at");
        return new DunningEntry(
                rs.getLong("id"),
                rs.getLong("txid"),
                (Long) rs.getObject("debtor_id", Long.class),
                rs.getInt("level"),
                rs.getInt("round"),
                DunningEntryStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                executed == null ? null : executed.toInstant(),
                rs.getString("executed_by"),
                rs.getTimestamp("transaction_at").toLocalDateTime().toLocalDate(),
                new Money(rs.getLong("receivable"), currency),
                new Money(rs.getLong("fees"), currency),
                new Money(rs.getLong("interest"), currency),
                new Money(rs.getLong("balance"), currency),
                rs.getString("document_number"),
                rs.getObject("email_id", Long.class),
                localDate(rs.getDate("next_notice_on")));
    }

    static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
