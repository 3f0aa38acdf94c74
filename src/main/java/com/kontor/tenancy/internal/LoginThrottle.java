package com.kontor.tenancy.internal;

import com.kontor.tenancy.SecurityProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Growing delays after failed logins (ACC-4), kept apart per login name and per client address. After the free
 * failures, each further failure doubles the wait (1 s, 2 s, 4 s, ...) up to a cap. Per name the cap is short, so
 * a stranger hammering an admin's name delays the admin by seconds, never locks them out; per address it is long,
 * so one client cannot guess fast across many names. An attempt during the wait is refused without checking the
 * password and does not extend the wait.
 *
 * <p>Kept in the database (table {@code login_failure}), so all servers count together: a guesser gains nothing by
 * spreading attempts over them. One row per name and per address, keyed by a hash of it (no login names or
 * addresses at rest). A failure is one atomic upsert that counts and computes the wait in the database, so two
 * servers counting the same name at once lose no failure; only attempts on the same name or address touch the
 * same row. Each statement commits at once. Failures older than an hour are forgotten, and their rows deleted by
 * each server's cleanup (idempotent, in small batches).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int CLEANUP_BATCH = 1000;
    private static final int ATTEMPTS = 3;

    /**
     * Counts one failure: a row older than {@link #FORGET_AFTER} starts again at one. The assignments only read the
     * row's previous values (blocked_until first, last_failure last), so the result is the same whether MariaDB
     * evaluates them in order or simultaneously. Parameters: kind, hash, now, wait of a first failure (null or
     * now + delay); then for the update: cutoff, free, free, cap in microseconds, now, cutoff, now.
     */
    private static final String FAIL = """
            insert into login_failure (kind, subject_hash, failures, last_failure, blocked_until)
            values (?, ?, 1, ?, ?)
            on duplicate key update
              blocked_until = if(if(last_failure < ?, 1, failures + 1) > ?,
                  timestamp(?) + interval least(
                      (1 << least(if(last_failure < ?, 1, failures + 1) - ? - 1, 30)) * 1000000, ?) microsecond,
                  null),
              failures = if(last_failure < ?, 1, failures + 1),
              last_failure = ?""";

    enum Kind {
        NAME("N"),
        ADDRESS("A");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    private final SecurityProperties.LoginThrottle settings;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    public LoginThrottle(SecurityProperties properties, Clock clock, JdbcTemplate jdbc) {
        this.settings = properties.loginThrottle();
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** How long this attempt must still wait; zero when it may go ahead. */
    public Duration waitFor(String name, String address) {
        Instant now = now();
        List<LocalDateTime> blocked = address == null
                ? jdbc.queryForList(
                        "select blocked_until from login_failure where kind = 'N' and subject_hash = ?"
                                + " and blocked_until is not null",
                        LocalDateTime.class,
                        hash(Kind.NAME, name))
                : jdbc.queryForList(
                        "select blocked_until from login_failure where ((kind = 'N' and subject_hash = ?)"
                                + " or (kind = 'A' and subject_hash = ?)) and blocked_until is not null",
                        LocalDateTime.class,
                        hash(Kind.NAME, name),
                        hash(Kind.ADDRESS, address));
        Duration wait = Duration.ZERO;
        for (LocalDateTime until : blocked) {
            Duration remaining = Duration.between(now, until.toInstant(ZoneOffset.UTC));
            if (remaining.compareTo(wait) > 0) {
                wait = remaining;
            }
        }
        return wait;
    }

    public void failed(String name, String address) {
        Instant now = now();
        count(Kind.NAME, name, now, settings.freeFailuresPerName(), settings.maxDelayPerName());
        if (address != null) {
            count(Kind.ADDRESS, address, now, settings.freeFailuresPerAddress(), settings.maxDelayPerAddress());
        }
    }

    /** A successful login clears the name's failures (not the address's: a guesser could interleave his own). */
    public void succeeded(String name) {
        jdbc.update("delete from login_failure where kind = 'N' and subject_hash = ?", hash(Kind.NAME, name));
    }

    /** Deletes forgotten failures; every server runs it, which is harmless (a delete of old rows only). */
    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
    void forgetOldFailures() {
        LocalDateTime cutoff = utc(now().minus(FORGET_AFTER));
        try {
            // in batches: a small write set each (Galera replicates each transaction whole)
            while (jdbc.update("delete from login_failure where last_failure < ? limit " + CLEANUP_BATCH, cutoff)
                    == CLEANUP_BATCH) {
                // next batch
            }
        } catch (TransientDataAccessException e) {
            log.info("Old login failures not deleted this time, next run tries again: {}", e.getMessage());
        }
    }

    private void count(Kind kind, String subject, Instant now, int free, Duration cap) {
        String hash = hash(kind, subject);
        LocalDateTime at = utc(now);
        LocalDateTime cutoff = utc(now.minus(FORGET_AFTER));
        long capMicros = cap.toNanos() / 1000;
        LocalDateTime firstBlock = 1 > free ? utc(now.plus(min(Duration.ofSeconds(1), cap))) : null;
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.update(
                        FAIL, kind.code, hash, at, firstBlock, cutoff, free, at, cutoff, free, capMicros, cutoff, at);
                return;
            } catch (TransientDataAccessException e) {
                // a deadlock or a Galera certification conflict with another server counting the same subject
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // as precise as the database keeps it
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The row key of a name or address: its SHA-256 (names are compared as normalised by the caller). */
    static String hash(Kind kind, String subject) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha256.digest((kind.code + ":" + subject).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
