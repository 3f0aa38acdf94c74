package com.kontor.audit;

import com.kontor.crypto.SealingKey;
import com.kontor.db.MultiRowInsert;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tamper-evident seal of the audit log (AUD-3): one keyed hash chain per merchant (chain 0 holds the platform's
 * records). Seal n is HMAC-SHA256(key, seal n-1 ‖ record n), stored beside the record, and the chain's head keeps
 * the newest position and seal. The key lives only in the server's configuration ({@link SealingKey}), so whoever
 * can write the database can change, delete or insert a record but cannot compute seals that hide it.
 *
 * <p>A background job seals new records in batches, so audited writes never wait for one another on the chain's
 * head; several servers may run it, the head's row lock orders them. {@link #verify} recomputes the current
 * merchant's chain and names the first broken record.
 */
@Service
public class AuditChain {

    /** A record this much older than the newest sealed one is no longer looked for by the job (nor expected). */
    static final Duration SEAL_WINDOW = Duration.ofMinutes(10);

    private static final Duration SHORT_WINDOW = Duration.ofSeconds(5);
    private static final Duration WIDE_ROUND_EVERY = Duration.ofMinutes(3);
    private static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 1000;
    private static final String RECORD = "e.id, e.merchant_id, e.mode, cast(e.occurred_at as char(26)) occurred,"
            + " e.actor_type, e.actor_id, e.actor_name, e.event_type, e.debtor_number, e.txid, e.comment, e.details";
    private static final String[] FIELDS = {
        "id",
        "merchant_id",
        "mode",
        "occurred",
        "actor_type",
        "actor_id",
        "actor_name",
        "event_type",
        "debtor_number",
        "txid",
        "comment",
        "details"
    };
    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SealingKey key;
    private final AuditScope scope;
    private final AuditLog auditLog;
    private final Clock clock;
    private volatile Instant lastWideRound;

    public AuditChain(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            SealingKey key,
            AuditScope scope,
            AuditLog auditLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.key = key;
        this.scope = scope;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Seals on one server at a time (ShedLock, PLAT-6): the head's row lock orders sealers on one database, but on a
     * Galera cluster it holds on one node only, and two nodes' sealers would seal the same records for one of them to
     * lose at commit.
     */
    @Scheduled(
            initialDelayString = "${kontor.audit.seal-interval:2s}",
            fixedDelayString = "${kontor.audit.seal-interval:2s}")
    @SchedulerLock(name = "audit-sealing", lockAtMostFor = "PT5M")
    public void sealJob() {
        try {
            // a short look back each round (cheap while records pour in); the full window every few minutes for
            // records whose transaction committed late
            Instant now = Instant.now(clock);
            boolean wide = lastWideRound == null || lastWideRound.isBefore(now.minus(WIDE_ROUND_EVERY));
            sealNew(wide ? SEAL_WINDOW : SHORT_WINDOW);
            if (wide) {
                lastWideRound = now;
            }
        } catch (RuntimeException e) {
            log.warn("Sealing the audit log failed, next try in the next round: {}", e.toString());
        }
    }

    /** Seals every record written since the newest seal (less {@link #SEAL_WINDOW}); returns how many. */
    public int sealNew() {
        return sealNew(SEAL_WINDOW);
    }

    private int sealNew(Duration window) {
        Instant newest = jdbc.query(
                                "select max(occurred_at) from audit_seal",
                                rs -> rs.next() ? rs.getObject(1, LocalDateTime.class) : null)
                        instanceof LocalDateTime at
                ? at.toInstant(ZoneOffset.UTC)
                : null;
        LocalDateTime since = newest == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : AuditLog.utc(newest.minus(window));
        int sealed = 0;
        while (true) {
            Map<Long, List<Long>> byChain = new LinkedHashMap<>();
            List<LocalDateTime> last = new ArrayList<>(1);
            // along the time index, from a cursor that moves on with each batch: the read is bounded by the window
            // and each record is read once per round (ordered by id, MariaDB walked the whole table, and sorted
            // the whole window again for every batch)
            jdbc.query(
                    "select e.id, coalesce(e.merchant_id, 0) chain_key, e.occurred_at from audit_event e"
                            + " force index (ix_audit_event_time) left join audit_seal s on s.event_id = e.id"
                            + " where s.event_id is null and e.occurred_at >= ? order by e.occurred_at, e.id limit "
                            + BATCH,
                    rs -> {
                        byChain.computeIfAbsent(rs.getLong("chain_key"), k -> new ArrayList<>())
                                .add(rs.getLong("id"));
                        last.clear();
                        last.add(rs.getObject("occurred_at", LocalDateTime.class));
                    },
                    since);
            if (byChain.isEmpty()) {
                return sealed;
            }
            for (Map.Entry<Long, List<Long>> chain : byChain.entrySet()) {
                createHead(chain.getKey());
                Integer count = transactions.execute(status -> sealInChain(chain.getKey(), chain.getValue()));
                sealed += count == null ? 0 : count;
            }
            since = last.getFirst(); // records of that same instant not yet sealed come again; sealed ones do not
        }
    }

    /**
     * Creates a chain's head once, in a statement of its own outside the sealing transaction. Inside it, an {@code insert
     * ignore} took a shared lock on an existing head that the {@code select ... for update} then had to upgrade: two
     * servers sealing at once each held the shared lock and waited for the other's (a deadlock, measured 23 lost rounds
     * with two servers). Now the sealing transaction's first lock on the head is the exclusive one.
     */
    private void createHead(long chainKey) {
        Integer heads =
                jdbc.queryForObject("select count(*) from audit_chain where chain_key = ?", Integer.class, chainKey);
        if (heads == null || heads == 0) {
            jdbc.update(
                    "insert ignore into audit_chain (chain_key, position, mac) values (?, 0, ?)", chainKey, GENESIS);
        }
    }

    /** Appends the given records (those still unsealed) to the chain, holding its head's lock from the first read on. */
    private int sealInChain(long chainKey, List<Long> ids) {
        Object[] head = jdbc.queryForObject(
                "select position, mac from audit_chain where chain_key = ? for update",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)},
                chainKey);
        long position = (Long) head[0];
        String mac = (String) head[1];
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        List<Object[]> seals = new ArrayList<>();
        LocalDateTime now = AuditLog.utc(Instant.now(clock));
        List<Map.Entry<Long, String[]>> records = new ArrayList<>();
        // a join, not "not exists": with 1,000 ids MariaDB turns that subquery into a scan of every seal
        jdbc.query(
                "select " + RECORD + " from audit_event e left join audit_seal s on s.event_id = e.id"
                        + " where e.id in (" + in + ") and s.event_id is null order by e.id",
                rs -> {
                    records.add(Map.entry(rs.getLong("id"), fields(rs)));
                });
        for (Map.Entry<Long, String[]> record : records) {
            position++;
            mac = seal(mac, record.getValue());
            seals.add(new Object[] {
                record.getKey(),
                chainKey,
                position,
                LocalDateTime.parse(record.getValue()[3].replace(' ', 'T')),
                mac,
                now
            });
        }
        if (seals.isEmpty()) {
            return 0;
        }
        MultiRowInsert.insert(
                jdbc,
                "insert into audit_seal (event_id, chain_key, position, occurred_at, mac," + " sealed_at) values ",
                "(?, ?, ?, ?, ?, ?)",
                seals);
        jdbc.update("update audit_chain set position = ?, mac = ? where chain_key = ?", position, mac, chainKey);
        return seals.size();
    }

    /**
     * Recomputes the current merchant's chain from its first seal and names the first broken record; records the
     * check in the audit log. ADMIN and AUDITOR only.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    public AuditVerification verify() {
        long chainKey = scope.merchantId().orElseThrow(() -> new AccessDeniedException("No merchant"));
        AuditVerification result = check(chainKey);
        transactions.executeWithoutResult(status -> auditLog.record(new AuditEntry(
                        chainKey, null, scope.actor(), AuditEventType.AUDIT_LOG_VERIFIED, null, null, null, Map.of())
                .withDetail(
                        "result", result.intact() ? "intact" : result.problem().name())
                .withDetail("checked", result.checked())
                .withDetail("firstBrokenRecord", result.brokenEventId())));
        return result;
    }

    AuditVerification check(long chainKey) {
        long expected = 0;
        String mac = GENESIS;
        Instant sealedUpTo = null;
        while (true) {
            List<Object[]> rows = jdbc.query(
                    "select s.position, s.event_id, s.mac, s.occurred_at sealed_time, "
                            + RECORD + " from audit_seal s left join audit_event e on e.id = s.event_id"
                            + " where s.chain_key = ? and s.position > ? order by s.position limit " + BATCH,
                    (rs, i) -> new Object[] {
                        rs.getLong("position"),
                        rs.getLong("event_id"),
                        rs.getString("mac"),
                        rs.getObject("sealed_time", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject("id") == null ? null : fields(rs)
                    },
                    chainKey,
                    expected);
            for (Object[] row : rows) {
                long position = (Long) row[0];
                long eventId = (Long) row[1];
                Instant at = (Instant) row[3];
                String[] record = (String[]) row[4];
                if (position != expected + 1) {
                    return AuditVerification.broken(
                            expected, sealedUpTo, AuditVerification.Problem.CHAIN_EDITED, eventId, at);
                }
                if (record == null) {
                    return AuditVerification.broken(
                            expected, sealedUpTo, AuditVerification.Problem.DELETED, eventId, at);
                }
                String recomputed = seal(mac, record);
                if (!java.security.MessageDigest.isEqual(
                        recomputed.getBytes(StandardCharsets.US_ASCII),
                        ((String) row[2]).getBytes(StandardCharsets.US_ASCII))) {
                    return AuditVerification.broken(
                            expected, sealedUpTo, AuditVerification.Problem.CHANGED, eventId, at);
                }
                mac = recomputed;
                expected = position;
                sealedUpTo = at;
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        long checked = expected;
        String finalMac = mac;
        Instant upTo = sealedUpTo;
        AuditVerification truncated = jdbc.query(
                "select position, mac from audit_chain where chain_key = ?",
                rs -> rs.next() && (rs.getLong(1) != checked || !rs.getString(2).equals(finalMac))
                        ? AuditVerification.broken(checked, upTo, AuditVerification.Problem.TRUNCATED, null, null)
                        : null,
                chainKey);
        if (truncated != null) {
            return truncated;
        }
        LocalDateTime overdue = AuditLog.utc((sealedUpTo == null ? Instant.now(clock) : sealedUpTo).minus(SEAL_WINDOW));
        List<Object[]> unsealed = jdbc.query(
                "select e.id, e.occurred_at from audit_event e left join audit_seal s"
                        + " on s.event_id = e.id where coalesce(e.merchant_id, 0) = ? and s.event_id is null"
                        + " and e.occurred_at < ? order by e.occurred_at, e.id limit 1",
                (rs, i) -> new Object[] {
                    rs.getLong(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)
                },
                chainKey,
                overdue);
        if (!unsealed.isEmpty()) {
            return AuditVerification.broken(
                    checked, sealedUpTo, AuditVerification.Problem.NOT_SEALED, (Long) unsealed.getFirst()[0], (Instant)
                            unsealed.getFirst()[1]);
        }
        return AuditVerification.intact(checked, sealedUpTo);
    }

    private static String[] fields(ResultSet rs) throws SQLException {
        String[] values = new String[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            values[i] = rs.getString(FIELDS[i]);
        }
        return values;
    }

    /** HMAC over the previous seal and every field, each length-prefixed (null: -1), so no two records collide. */
    private String seal(String previous, String[] record) {
        Mac mac = key.newMac();
        mac.update(previous.getBytes(StandardCharsets.US_ASCII));
        for (String value : record) {
            if (value == null) {
                mac.update(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }
}
