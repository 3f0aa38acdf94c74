package com.kontor.db;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place where a write transaction is tried again when it met another one on the same rows: a deadlock, a
 * lock wait timeout, a stale optimistic version, or a duplicate key where a parallel request created the same row a
 * moment earlier (recognised by MariaDB's error code, {@link DatabaseErrors}). Bounded: after {@link #ATTEMPTS}
 * tries it gives up with {@link ConcurrentUpdate}. The work must be safe to run again from the start, which a
 * rolled-back transaction is, as long as it calls nothing outside the database before its conflicts can surface.
 */
@Component
public class RetryingTransactions {

    static final int ATTEMPTS = 5;

    private final TransactionTemplate transaction;

    public RetryingTransactions(PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Runs {@code work} in a transaction of its own, again when it meets a concurrent change. */
    public <T> T write(TransactionCallback<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(work);
            } catch (RuntimeException e) {
                if (!DatabaseErrors.isConflict(e, true)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new ConcurrentUpdate(e);
                }
                pause(attempt);
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
