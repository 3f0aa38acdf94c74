package com.kontor.api;

import com.kontor.db.IdBlocks;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency records (API-3): one per API key and Idempotency-Key, claimed by an insert that the unique
 * constraint lets succeed once, so two concurrent requests with one key never both execute. Kept at least 24 hours.
 * Scoped by the API key, which belongs to one merchant and mode. Each statement commits at once (no surrounding
 * transaction), so a claim is visible to a concurrent request immediately. Times are the database's
 * ({@code utc_timestamp}), never a server's: with several servers, one server's clock must not decide whether another
 * server's claim was abandoned.
 */
@Component
class IdempotencyStore {

    static final Duration KEPT = Duration.ofHours(25);
    /** A claim older than this without a response was left by a crashed request: it may be taken over. */
    static final Duration ABANDONED = Duration.ofMinutes(5);

    static final int FORGET_BATCH = 1_000;

    sealed interface Claim {}

    /** This request owns the key: it runs, then its answer is kept (or the claim released after a 5xx). */
    record Claimed(long apiKeyId, String idempotencyKey) implements Claim {}

    record Replay(int status, String contentType, String body) implements Claim {}

    record Reused() implements Claim {}

    record InProgress() implements Claim {}

    /** {@code abandoned}: claimed longer ago than {@link #ABANDONED}, by the database's clock. */
    private record Row(
            long id, String hash, String state, Integer status, String type, String body, boolean abandoned) {}

    private final JdbcTemplate jdbc;
    private final IdBlocks ids;

    IdempotencyStore(JdbcTemplate jdbc, IdBlocks ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    Claim claim(long apiKeyId, String idempotencyKey, String requestHash) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                // the id from a block of 50 (IdBlocks): a sequence write in fifty API writes, not in each
                jdbc.update(
                        "insert into idempotency_record (id, api_key_id, idempotency_key, request_hash, state,"
                                + " created_at) values (?, ?, ?, ?, 'IN_PROGRESS', utc_timestamp(6))",
                        ids.next("idempotency_record_seq"),
                        apiKeyId,
                        idempotencyKey,
                        requestHash);
                return new Claimed(apiKeyId, idempotencyKey);
            } catch (CannotAcquireLockException lostCertification) {
                // Galera: another node inserted the same key at the same moment and won certification at commit;
                // the next try meets its row as a duplicate key
                continue;
            } catch (DuplicateKeyException taken) {
                List<Row> rows = jdbc.query(
                        "select id, request_hash, state, response_status, response_type,"
                                + " response_body, created_at < utc_timestamp(6) - interval "
                                + ABANDONED.toSeconds()
                                + " second from idempotency_record where api_key_id = ? and idempotency_key = ?",
                        (rs, i) -> new Row(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, Integer.class),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getBoolean(7)),
                        apiKeyId,
                        idempotencyKey);
                if (rows.isEmpty()) {
                    continue; // released meanwhile: try again
                }
                Row row = rows.getFirst();
                if (!row.hash().equals(requestHash)) {
                    return new Reused();
                }
                if ("DONE".equals(row.state())) {
                    return new Replay(row.status(), row.type(), row.body());
                }
                if (!row.abandoned()) {
                    return new InProgress();
                }
                jdbc.update("delete from idempotency_record where id = ? and state = 'IN_PROGRESS'", row.id());
            }
        }
        return new InProgress();
    }

    void complete(Claimed claim, int status, String contentType, String body) {
        jdbc.update(
                "update idempotency_record set state = 'DONE', response_status = ?, response_type = ?,"
                        + " response_body = ? where api_key_id = ? and idempotency_key = ?",
                status,
                contentType,
                body,
                claim.apiKeyId(),
                claim.idempotencyKey());
    }

    /** A 5xx answer is not kept: the client may try again with the same key. */
    void release(Claimed claim) {
        jdbc.update(
                "delete from idempotency_record where api_key_id = ? and idempotency_key = ?"
                        + " and state = 'IN_PROGRESS'",
                claim.apiKeyId(),
                claim.idempotencyKey());
    }

    /**
     * Forgets records older than {@link #KEPT} in batches of {@link #FORGET_BATCH} rows, each its own short statement,
     * so a large backlog never holds locks on the table for long; one server at a time (ShedLock).
     */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = "idempotency-cleanup", lockAtMostFor = "PT30M")
    void forgetOldRecords() {
        forget();
    }

    /** The cleanup's work; answers how many records it forgot. */
    int forget() {
        int forgotten = 0;
        int batch;
        do {
            batch = jdbc.update("delete from idempotency_record where created_at < utc_timestamp(6) - interval "
                    + KEPT.toHours()
                    + " hour limit "
                    + FORGET_BATCH);
            forgotten += batch;
        } while (batch == FORGET_BATCH);
        return forgotten;
    }
}
