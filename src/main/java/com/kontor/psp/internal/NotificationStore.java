package com.kontor.psp.internal;

import com.kontor.psp.NotificationInbox;
import com.kontor.tenancy.Partition;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores notifications before they are acknowledged (PSP-3): one insert each, atomic by itself. A repeat (the same
 * dedupe key: provider reference, sequence number and event) is recognised by the unique key and stored once.
 */
@Component
public class NotificationStore {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public NotificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A notification as received; one sent for the other mode waits for review with that reason. {@code eventAt} is
     * the provider's own time of the event (null when it sends none): with the sequence number it orders one payment's
     * notifications, see {@link NotificationProcessor}.
     */
    public record Received(
            Partition partition,
            Long accountId,
            String format,
            String event,
            String reference,
            Integer sequence,
            Instant eventAt,
            String dedupe,
            Long amount,
            String currency,
            Object payload,
            String reviewReason) {}

    /** Stores it, or recognises a repeat. */
    public NotificationInbox.Outcome store(Received n, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                insert(n, now, now);
                return NotificationInbox.Outcome.STORED;
            } catch (DuplicateKeyException repeat) {
                return NotificationInbox.Outcome.REPEAT;
            } catch (CannotAcquireLockException lostCertification) {
                // Galera: the same notification reached another node at the same moment and won certification at
                // commit; the next try meets its row as a repeat (bounded: a real lock problem still fails)
                if (attempt == 3) {
                    throw lostCertification;
                }
            }
        }
    }

    /**
     * Stores it to be booked from {@code notBefore} on. A repeat throws {@link DuplicateKeyException}; MariaDB undoes
     * only the statement, so a caller's transaction goes on.
     */
    public void insert(Received n, Instant receivedAt, Instant notBefore) {
        jdbc.update(
                """
                insert into provider_notification (partition_key, account_id, format, event, provider_reference,
                    sequence_number, event_at, dedupe_key, amount, currency, payload, received_at, not_before, state,
                    reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                n.partition().key(),
                n.accountId(),
                n.format(),
                truncate(n.event(), 40),
                truncate(n.reference(), 64),
                n.sequence(),
                n.eventAt() == null ? null : Timestamp.from(n.eventAt()),
                truncate(n.dedupe(), 200),
                n.amount(),
                n.currency(),
                JSON.writeValueAsString(n.payload()),
                Timestamp.from(receivedAt),
                Timestamp.from(notBefore),
                n.reviewReason() == null ? "RECEIVED" : "REVIEW",
                n.reviewReason());
    }

    /**
     * The provider's event time, if it is one MariaDB's DATETIME can hold (a provider's time never refuses a
     * notification: without it, the notification is ordered by its arrival).
     */
    public static Instant eventTime(Instant at) {
        return at == null || at.isBefore(EARLIEST_EVENT) || at.isAfter(LATEST_EVENT) ? null : at;
    }

    private static final Instant EARLIEST_EVENT = Instant.parse("1970-01-02T00:00:00Z");
    private static final Instant LATEST_EVENT = Instant.parse("9999-01-01T00:00:00Z");

    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
