package com.kontor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database cannot be reached" (answered 503 SERVICE_UNAVAILABLE, never 500). */
class DatabaseErrorsTest {

    @Test
    void noConnectionInTimeIsUnavailable() {
        assertThat(DatabaseErrors.isUnavailable(new CannotCreateTransactionException(
                        "Could not open JPA EntityManager for transaction",
                        new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))
                .isTrue();
    }

    @Test
    void aRollbackOnTheConnectionThePoolHasClosedIsUnavailable() {
        // the database died mid-transaction: the rollback after the first failure replaces it (Hikari's closed
        // connection throws an SQLException without SQL state)
        assertThat(DatabaseErrors.isUnavailable(new JpaSystemException(new TransactionException(
                        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))))
                .isTrue();
    }

    @Test
    void aDuplicateKeyIsNot() {
        assertThat(DatabaseErrors.isUnavailable(new DataIntegrityViolationException(
                        "duplicate", new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))))
                .isFalse();
    }
}
