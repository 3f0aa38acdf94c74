package com.kontor.operation.internal;

import com.kontor.psp.ProviderCall;
import com.kontor.psp.ProviderOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable record of each money call to a provider, written before the call is made (PLAT-6, table
 * {@code provider_call}). A payout's record is written with its reservation and settled (BOOKED, or RELEASED when the
 * provider refused) in the transaction that books the answer; an authorisation's is written in a short transaction of
 * its own before the call, so it outlives a payment transaction that rolls back after the provider answered. A record
 * still OPEN after a grace period is a booking that never landed: {@code ProviderCallRecovery} settles it with the same
 * idempotency key, which is derived from the operation and is the table's primary key, so no call is recorded twice.
 */
@Component
public class ProviderCallIntents {

    /** The states of a record: only OPEN ones are settled; the others are final. */
    public enum State {
        OPEN,
        BOOKED,
        RELEASED,
        VOIDED
    }

    /** One recorded call; {@code receivableType}, {@code auditEvent} and {@code payload} belong to payouts only. */
    public record Intent(
            String idempotencyKey,
            String partitionKey,
            long txid,
            ProviderOperation operation,
            long amount,
            String currency,
            String receivableType,
            String auditEvent,
            String provider,
            State state,
            Instant createdAt,
            String payload) {}

    private static final int ANSWER_LENGTH = 300;

    private static final RowMapper<Intent> ROW = (rs, i) -> new Intent(
            rs.getString("idempotency_key"),
            rs.getString("partition_key"),
            rs.getLong("txid"),
            ProviderOperation.valueOf(rs.getString("operation")),
            rs.getLong("amount"),
            rs.getString("currency"),
            rs.getString("receivable_type"),
            rs.getString("audit_event"),
            rs.getString("provider"),
            State.valueOf(rs.getString("state")),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("payload"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public ProviderCallIntents(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an OPEN call in the caller's transaction (a payout, with its reservation). */
    public void open(Intent intent) {
        jdbc.update(
                "insert into provider_call (idempotency_key, partition_key, txid, operation, amount, currency,"
                        + " receivable_type, audit_event, provider, state, created_at, payload)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', utc_timestamp(6), ?)",
                intent.idempotencyKey(),
                intent.partitionKey(),
                intent.txid(),
                intent.operation().name(),
                intent.amount(),
                intent.currency(),
                intent.receivableType(),
                intent.auditEvent(),
                intent.provider(),
                intent.payload());
    }

    /**
     * Records an OPEN call in a transaction of its own, committed before the call (an authorisation): a retry of the
     * payment's transaction records the same key again, which is no error.
     */
    public void openOnItsOwn(Intent intent) {
        ownTransaction.executeWithoutResult(status -> {
            if (find(intent.idempotencyKey()).isEmpty()) {
                try {
                    open(intent);
                } catch (org.springframework.dao.DuplicateKeyException e) {
                    // recorded by a parallel try of the same operation a moment ago: the same record
                }
            }
        });
    }

    public Optional<Intent> find(String idempotencyKey) {
        return jdbc.query("select * from provider_call where idempotency_key = ?", ROW, idempotencyKey).stream()
                .findFirst();
    }

    /**
     * Settles an OPEN call with the provider's answer, in the caller's (booking) transaction. Answers whether this
     * transaction settled it: false when it was settled before (by the recovery, or by a retry of the operation), and
     * then nothing may be booked again. The row's lock is held until the caller commits.
     */
    public Settled settle(String idempotencyKey, State state, ProviderCall call) {
        int updated = jdbc.update(
                "update provider_call set state = ?, settled_at = utc_timestamp(6), answer = ?"
                        + " where idempotency_key = ? and state = 'OPEN'",
                state.name(),
                call == null ? null : answer(call),
                idempotencyKey);
        if (updated == 1) {
            return Settled.NOW;
        }
        return find(idempotencyKey).isPresent() ? Settled.BEFORE : Settled.UNRECORDED;
    }

    /** Notes the answer to a call settled before (a cancellation's, after the record was claimed as VOIDED). */
    public void answered(String idempotencyKey, ProviderCall call) {
        jdbc.update("update provider_call set answer = ? where idempotency_key = ?", answer(call), idempotencyKey);
    }

    /** Opens a claimed record again: its cancellation did not reach the provider, the next round tries again. */
    public void reopen(String idempotencyKey, State claimed) {
        jdbc.update(
                "update provider_call set state = 'OPEN', settled_at = null where idempotency_key = ? and state = ?",
                idempotencyKey,
                claimed.name());
    }

    /** How {@link #settle} went: settled now, settled before (book nothing), or never recorded (book as before). */
    public enum Settled {
        NOW,
        BEFORE,
        UNRECORDED
    }

    /** The OPEN calls older than {@code grace} by the database's clock, oldest first, across partitions. */
    public List<Intent> abandoned(Duration grace, int limit) {
        return jdbc.query(
                "select * from provider_call where state = 'OPEN'"
                        + " and created_at < utc_timestamp(6) - interval ? microsecond order by created_at limit ?",
                ROW,
                grace.toNanos() / 1000,
                limit);
    }

    private static String answer(ProviderCall call) {
        String text = call.answer().outcome().name()
                + (call.answer().providerTxn() != null ? " " + call.answer().providerTxn() : "")
                + (call.answer().errorCode() != null ? " " + call.answer().errorCode() : "");
        return text.length() > ANSWER_LENGTH ? text.substring(0, ANSWER_LENGTH) : text;
    }
}
