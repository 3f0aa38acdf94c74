package com.kontor.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a database failure means, read from MariaDB's SQL state and error code (not from a message text): the
 * database cannot be reached (answer 503 and let the caller try later), or two transactions met on the same rows
 * (try the whole transaction again), or neither.
 */
public final class DatabaseErrors {

    /** MariaDB: deadlock found, the transaction was rolled back (also a Galera certification failure). */
    static final int DEADLOCK = 1213;
    /** MariaDB: lock wait timeout exceeded. */
    static final int LOCK_WAIT_TIMEOUT = 1205;
    /** MariaDB: duplicate entry for a unique key. */
    static final int DUPLICATE_KEY = 1062;

    private DatabaseErrors() {}

    /** Whether the database could not be reached (connection refused, lost, or none free in time). */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (isFailedCommitOrRollback(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The commit or rollback itself failed in the driver. A rollback does not fail for any reason of content: the
     * connection broke. When the database goes away mid-transaction, the rollback after the first failure meets
     * the connection the pool has already closed (an SQLException without SQL state) and replaces that failure.
     */
    private static boolean isFailedCommitOrRollback(Throwable t) {
        return t.getCause() instanceof SQLException
                && (t instanceof TransactionSystemException
                        || t.getClass().getName().equals("org.hibernate.TransactionException"));
    }

    /**
     * Whether the transaction met another one on the same rows and may succeed when tried again from the start: a
     * deadlock, a lock wait timeout, a stale optimistic version, or (with {@code duplicateToo}) a duplicate key where
     * a parallel request created the same row a moment earlier.
     */
    public static boolean isConflict(Throwable failure, boolean duplicateToo) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                if (code == DEADLOCK || code == LOCK_WAIT_TIMEOUT || "40001".equals(sql.getSQLState())) {
                    return true;
                }
                if (duplicateToo && code == DUPLICATE_KEY) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.hibernate.StaleObjectStateException")) {
                return true;
            }
        }
        return false;
    }
}
