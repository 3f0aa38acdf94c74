package com.kontor.embedded;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded MariaDB of the run command ({@code ./mvnw}) again when its process has died (killed, crashed,
 * out of memory): the connection pool reconnects by itself, so Kontor carries on without a restart of its own.
 * Checks every few seconds whether the server's process is still there; each restart is logged once, a failed
 * attempt once until one succeeds. Only for the embedded server this JVM started, never for a configured database.
 */
public final class EmbeddedDatabaseWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWatchdog.class);

    private final EmbeddedMariaDb db;
    private final ScheduledExecutorService executor;
    private volatile boolean closed;
    private boolean failing;
    private int restarts;

    private EmbeddedDatabaseWatchdog(EmbeddedMariaDb db) {
        this.db = db;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable ->
                Thread.ofPlatform().name("embedded-mariadb-watchdog").daemon().unstarted(runnable));
    }

    /** Watches {@code db} (already started) every {@code interval} until {@link #close()}. */
    public static EmbeddedDatabaseWatchdog watch(EmbeddedMariaDb db, Duration interval) {
        EmbeddedDatabaseWatchdog watchdog = new EmbeddedDatabaseWatchdog(db);
        watchdog.executor.scheduleWithFixedDelay(
                watchdog::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return watchdog;
    }

    /** How many times the server was started again. */
    public synchronized int restarts() {
        return restarts;
    }

    synchronized void check() {
        if (closed || db.isRunning()) {
            return;
        }
        long started = System.nanoTime();
        try {
            db.startServer();
            restarts++;
            failing = false;
            log.warn(
                    "The embedded MariaDB had stopped; started it again on port {} in {} ms",
                    db.port(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            if (!failing) {
                log.error("The embedded MariaDB has stopped and does not start again; still trying", e);
                failing = true;
            }
        }
    }

    /** Stops watching (before the server is stopped on purpose); waits for a restart under way to finish. */
    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
