package com.kontor.psp.internal;

import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books stored notifications, oldest first and on several threads, in chunks of one partition, each chunk in its
 * own transaction inside its partition. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several servers
 * share the work without booking one twice. A notification that depends on one not yet there waits and is retried;
 * after {@code kontor.notifications.hold-timeout} it goes to the review list, as do those no process matches.
 *
 * <p>One payment's notifications are booked in the provider's order, {@link #PROVIDER_ORDER}: PAYONE's sequence
 * number first, then the provider's own event time (Adyen's {@code eventDate}, PAYONE's {@code txtime}, the
 * simulator's decision), then the arrival, and the id only to break a last tie. Never by the id alone: it is an
 * AUTO_INCREMENT, and on a Galera cluster each node hands out its own interleaved ids ({@code
 * auto_increment_increment}/{@code _offset}), so a smaller id says neither that a notification arrived earlier nor
 * that the provider sent it earlier; and a provider may deliver a batch (or retry a delivery) out of its order anyway.
 * A notification that still comes first without its predecessor (stored alone, before the other arrived) waits
 * where the rules can tell (PAYONE's sequence gap, Adyen's events before the AUTHORISATION).
 */
@Component
public class NotificationProcessor {

    private static final Logger log = LoggerFactory.getLogger(NotificationProcessor.class);
    private static final int BATCH = 200;
    /** Notifications booked in one transaction. */
    private static final int CHUNK = 20;

    /**
     * The provider's order of notifications, as an SQL {@code order by}: MariaDB sorts nulls first, so a PAYONE
     * notification without a sequence number comes first, as its booking counts it as number 0 (Adyen and the
     * simulator have none at all); one without an event time is placed at its arrival.
     */
    static final String PROVIDER_ORDER = "sequence_number, coalesce(event_at, received_at), received_at, id";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate namedJdbc;
    private final Map<String, NotificationFormat> formats;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    @PersistenceContext
    private EntityManager entityManager;

    private final int lanes;
    private final ExecutorService workers;

    public NotificationProcessor(
            JdbcTemplate jdbc,
            List<NotificationFormat> formats,
            NotificationProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.namedJdbc = new NamedParameterJdbcTemplate(jdbc);
        this.formats = formats.stream().collect(Collectors.toMap(NotificationFormat::name, f -> f));
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        // a chunk reads what other servers committed while it waited for a process lock: under REPEATABLE READ its
        // snapshot could date from an earlier notification of the chunk, and a booking made meanwhile be missed
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.lanes = properties.bookingThreads();
        this.workers = Executors.newFixedThreadPool(
                lanes,
                Thread.ofPlatform().name("notification-booking-", 1).daemon().factory());
    }

    @Scheduled(fixedDelayString = "${kontor.notifications.poll-interval:500ms}", initialDelayString = "2s")
    public void bookDue() {
        for (int round = 0; round < 10; round++) {
            List<Map<String, Object>> due = due(Instant.now(clock));
            bookInLanes(due);
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    /**
     * Books a batch on {@code kontor.notifications.booking-threads} threads. Notifications about one payment (one
     * provider reference) stay on one thread in the batch's order, the provider's ({@link #due}), so they do not wait
     * for each other; different payments are booked side by side (each booking locks its process row).
     */
    private void bookInLanes(List<Map<String, Object>> due) {
        List<List<Map<String, Object>>> byLane = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            byLane.add(new ArrayList<>());
        }
        for (Map<String, Object> next : due) {
            byLane.get(Math.floorMod(String.valueOf(next.get("lane")).hashCode(), lanes))
                    .add(next);
        }
        List<Callable<Void>> tasks = byLane.stream()
                .filter(lane -> !lane.isEmpty())
                .map(lane -> (Callable<Void>) () -> {
                    bookLane(lane);
                    return null;
                })
                .toList();
        try {
            for (Future<Void> done : workers.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn(
                    "Booking notifications failed, next try in the next round: {}",
                    e.getCause().toString());
        }
    }

    @PreDestroy
    void stopWorkers() {
        workers.shutdownNow();
    }

    /**
     * The next due notifications: up to {@link #BATCH} of each state, each read along the index {@code (state,
     * not_before, id)} without sorting the backlog, so a long queue does not make every poll slower; the batch (at
     * most twice {@link #BATCH} rows) is then sorted into the provider's order, {@link #PROVIDER_ORDER}. The lane is
     * the payment a notification is about: the provider's reference, or the simulator's TXID.
     */
    private List<Map<String, Object>> due(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.queryForList("""
                select id, partition_key, coalesce(provider_reference, substring_index(dedupe_key, ':', 2)) lane
                from (
                  (select id, partition_key, provider_reference, dedupe_key, sequence_number, event_at, received_at
                   from provider_notification
                   where state = 'RECEIVED' and not_before <= ? order by not_before, id limit %d)
                  union all
                  (select id, partition_key, provider_reference, dedupe_key, sequence_number, event_at, received_at
                   from provider_notification
                   where state = 'WAITING' and not_before <= ? order by not_before, id limit %d)) due
                order by %s""".formatted(BATCH, BATCH, PROVIDER_ORDER), at, at);
    }

    /**
     * Books a lane in chunks of up to {@link #CHUNK} notifications of one partition, each chunk in one transaction:
     * one claim, one commit and the bookings of all written together, instead of a round of each per notification.
     * Should a chunk fail as a whole, each of its notifications is booked on its own, so one that cannot be booked
     * holds back none of the others.
     */
    private void bookLane(List<Map<String, Object>> lane) {
        int from = 0;
        while (from < lane.size()) {
            String partitionKey = (String) lane.get(from).get("partition_key");
            int to = from + 1;
            while (to < lane.size()
                    && to - from < CHUNK
                    && partitionKey.equals(lane.get(to).get("partition_key"))) {
                to++;
            }
            List<Long> ids = lane.subList(from, to).stream()
                    .map(row -> ((Number) row.get("id")).longValue())
                    .toList();
            Partition partition = Partition.ofKey(partitionKey);
            if (ids.size() == 1) {
                bookOne(ids.getFirst(), partition);
            } else {
                try {
                    book(ids, partition, Instant.now(clock));
                } catch (RuntimeException e) {
                    log.info(
                            "A chunk of {} notifications could not be booked together, each is booked on its own:"
                                    + " {}",
                            ids.size(),
                            e.toString());
                    ids.forEach(id -> bookOne(id, partition));
                }
            }
            from = to;
        }
    }

    /** Books one notification in its own transaction; one that fails as a whole is set aside. */
    private void bookOne(long id, Partition partition) {
        Instant now = Instant.now(clock);
        try {
            book(List.of(id), partition, now);
        } catch (RuntimeException e) {
            setAside(id, now, e);
        }
    }

    /**
     * Books notifications of one partition in one transaction. The partition was read first, so that the
     * transaction (and its Hibernate session, which takes the tenant when it opens) starts inside it; the rows are
     * then claimed with SKIP LOCKED, and one another server holds, or that was booked meanwhile, is left alone. The
     * session writes its bookings at commit only, all of them together (the one query that must see the bookings of
     * an earlier notification flushes first: {@link ProviderEvents}).
     */
    private void book(List<Long> ids, Partition partition, Instant now) {
        TenancyScope.inPartition(
                partition,
                () -> transaction.executeWithoutResult(status -> {
                    entityManager.setFlushMode(FlushModeType.COMMIT);
                    List<Object[]> settled = new ArrayList<>(ids.size());
                    List<Long> applied = new ArrayList<>();
                    for (Map<String, Object> row : claim(ids, now)) {
                        Settled done = settle(row, now, status);
                        settled.add(done.row());
                        if (done.released() != null) {
                            applied.add(done.released());
                        }
                    }
                    if (settled.isEmpty()) {
                        return; // booked meanwhile, or another server is at them
                    }
                    jdbc.batchUpdate(
                            "update provider_notification set state = ?, txid = ?, reason = ?, done_at = ?,"
                                    + " not_before = ? where id = ?",
                            settled);
                    if (!applied.isEmpty()) {
                        // notifications that waited for these may go on at once
                        namedJdbc.update(
                                "update provider_notification set not_before = :now where state = 'WAITING'"
                                        + " and txid in (:txids)",
                                Map.of("now", Timestamp.from(now), "txids", applied));
                    }
                }));
    }

    /**
     * A booking that failed as a whole (its transaction rolled back, e.g. at commit) must not stay first in the
     * queue, or it would be taken again at once and block every later notification: a failure that may pass (a lock
     * timeout, a deadlock) is tried again after the retry interval, any other goes to the review list.
     */
    private void setAside(long id, Instant now, RuntimeException e) {
        if (e instanceof TransientDataAccessException) {
            log.info(
                    "Notification {} could not be booked now, next try in {}: {}",
                    id,
                    properties.retryInterval(),
                    e.toString());
            jdbc.update(
                    "update provider_notification set not_before = ? where id = ?"
                            + " and state in ('RECEIVED', 'WAITING')",
                    Timestamp.from(now.plus(properties.retryInterval())),
                    id);
            return;
        }
        log.warn("Notification {} could not be booked; it goes to review: {}", id, e.toString());
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        jdbc.update(
                "update provider_notification set state = 'REVIEW', reason = ?, done_at = ? where id = ?"
                        + " and state in ('RECEIVED', 'WAITING')",
                truncate("Could not be booked: " + cause.getMessage()),
                Timestamp.from(now),
                id);
    }

    /** Claims the rows not yet booked nor held by another server, in the provider's order ({@link #PROVIDER_ORDER}). */
    private List<Map<String, Object>> claim(List<Long> ids, Instant now) {
        return namedJdbc.queryForList(
                "select id, format, payload, received_at from provider_notification"
                        + " where id in (:ids) and state in ('RECEIVED', 'WAITING') and not_before <= :now"
                        + " order by " + PROVIDER_ORDER + " for update skip locked",
                Map.of("ids", ids, "now", Timestamp.from(now)));
    }

    /**
     * A notification applied: its row's new values (state, txid, reason, done_at, not_before, id) and the TXID whose
     * waiting notifications may go on, if it booked something.
     */
    private record Settled(Object[] row, Long released) {}

    private Settled settle(Map<String, Object> row, Instant now, TransactionStatus status) {
        long id = ((Number) row.get("id")).longValue();
        EventOutcome outcome;
        try {
            outcome = apply((String) row.get("format"), (String) row.get("payload"));
        } catch (RuntimeException e) {
            if (status.isRollbackOnly()) {
                throw e; // nothing of this transaction can commit: setAside records it in a new one
            }
            log.warn("Notification {} could not be booked; it goes to review: {}", id, e.toString());
            outcome = new EventOutcome(EventOutcome.Result.REVIEW, null, "Could not be booked: " + e.getMessage());
        }
        Object received = row.get("received_at");
        Instant receivedAt = received instanceof Timestamp t
                ? t.toInstant()
                : ((java.time.LocalDateTime) received)
                        .atZone(java.time.ZoneId.systemDefault())
                        .toInstant();
        String state = switch (outcome.result()) {
            case APPLIED, NOTHING_NEW -> "APPLIED";
            case IGNORED -> "IGNORED";
            case REVIEW -> "REVIEW";
            case WAIT -> receivedAt.plus(properties.holdTimeout()).isBefore(now) ? "REVIEW" : "WAITING";
        };
        String reason = state.equals("REVIEW") && outcome.result() == EventOutcome.Result.WAIT
                ? "Waited longer than " + properties.holdTimeout() + ": " + outcome.detail()
                : outcome.detail();
        return new Settled(
                new Object[] {
                    state,
                    outcome.txid(),
                    truncate(reason),
                    Timestamp.from(now),
                    Timestamp.from(state.equals("WAITING") ? now.plus(properties.retryInterval()) : now),
                    id
                },
                outcome.result() == EventOutcome.Result.APPLIED ? outcome.txid() : null);
    }

    private EventOutcome apply(String format, String payload) {
        NotificationFormat known = formats.get(format);
        return known == null
                ? new EventOutcome(EventOutcome.Result.IGNORED, null, "unknown format " + format)
                : known.book(NotificationStore.JSON.readTree(payload));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }
}
