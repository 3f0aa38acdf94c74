package com.kontor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** A background job failing on every run while the database is gone: one short warning per 30 s, no stack traces. */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledTaskErrorsTest {

    private Instant now = Instant.parse("2026-12-07T12:00:00Z");

    private final ScheduledTaskErrors errors = new ScheduledTaskErrors(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private static CannotGetJdbcConnectionException unavailable() {
        return new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
    }

    @Test
    void failuresForWantOfTheDatabaseAreOneLineEvery30Seconds(CapturedOutput output) {
        for (int i = 0; i < 60; i++) { // 30 s of a job polling twice a second
            errors.handleError(unavailable());
            now = now.plus(Duration.ofMillis(500));
        }
        errors.handleError(unavailable());

        assertThat(output.getOut().lines().filter(l -> l.contains("cannot reach the database")))
                .hasSize(2)
                .last()
                .asString()
                .contains("59 more such failures");
        assertThat(output.getOut()).doesNotContain("\tat ");
    }

    @Test
    void anyOtherFailureIsLoggedWithItsStackTrace(CapturedOutput output) {
        errors.handleError(new IllegalStateException("a bug"));
        assertThat(output.getOut())
                .contains("Unexpected error occurred in scheduled task")
                .contains("\tat ");
    }
}
