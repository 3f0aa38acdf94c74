package com.kontor.db;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place where a write transaction is tried again when it met another one on the same rows: a deadlock or a
 * Galera certification failure (both error 1213, the latter at commit), a lock wait timeout (1205), a stale
 * optimistic version, or a duplicate key where a parallel request created the same row a moment earlier (recognised
 * by MariaDB's error code, {@link DatabaseErrors}). Bounded: after {@link #ATTEMPTS} tries it gives up with
 * {@link ConcurrentUpdate}, which the API answers as a problem document the shop may retry on (409, Retry-After).
 * Programmatic transactions come through {@link #write}; every {@code @Transactional} method that writes comes
 * through {@link TransactionRetryAdvisor}, which uses the same loop. The work must be safe to run again from the
 * start, which a rolled-back transaction is, as long as what it asks outside the database is idempotent (a
 * provider's call carries a key derived from the operation, so the same call asked again is executed once).
 */
@Component
public class RetryingTransactions {

    static final int ATTEMPTS = 5;

    private final TransactionTemplate transaction;
    private final TransactionTemplate readCommitted;

    public RetryingTransactions(PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.readCommitted = new TransactionTemplate(transactionManager);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Like {@link #write}, under READ COMMITTED: a locking read of a row that does not exist yet (a new customer
     * number) then takes no gap lock. Under REPEATABLE READ it locks the gap beside its neighbours, and on a Galera
     * cluster another node's insert of a neighbouring new customer aborts it (1213; in the cluster test 15 payments in
     * 650 were refused after all tries); the unique keys still keep two parallel creates of one row apart.
     */
    public <T> T writeReadCommitted(TransactionCallback<T> work) {
        return retried(readCommitted, work);
    }

    /** Runs {@code work} in a transaction of its own, again when it meets a concurrent change. */
    public <T> T write(TransactionCallback<T> work) {
        return retried(transaction, work);
    }

    private static <T> T retried(TransactionTemplate template, TransactionCallback<T> work) {
        try {
            return retrying(() -> template.execute(work));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} in a transaction of its own, again when it meets a concurrent change; answers nothing. */
    public void run(Consumer<TransactionStatus> work) {
        write(status -> {
            work.accept(status);
            return null;
        });
    }

    /** One try of a transaction: runs it from the start and commits, or throws. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws Throwable;
    }

    /** Runs {@code attempt} again while it fails on a conflict, at most {@link #ATTEMPTS} times. */
    static <T> T retrying(Attempt<T> attempt) throws Throwable {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.run();
            } catch (RuntimeException e) {
                if (!DatabaseErrors.isConflict(e, true)) {
                    throw e;
                }
                if (tries == ATTEMPTS) {
                    throw new ConcurrentUpdate(e);
                }
                pause(tries);
            }
        }
    }

    /** A short, growing, jittered pause, so that the transactions that met do not meet again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between retries", e);
        }
    }
}
