package com.kontor.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.util.ErrorHandler;

/**
 * While the database is gone, every run of a background job (the notification job polls twice a second) fails;
 * Spring logged each with an ERROR and a stack trace. A job that fails because the database cannot be reached is
 * logged as one WARN line at most every 30 s instead (it runs again at its next interval anyway); every other
 * failure is logged as before.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTaskErrors implements ErrorHandler {

    static final Duration QUIET = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskErrors.class);

    private final Clock clock;
    private Instant lastLogged = Instant.MIN;
    private int unlogged;

    ScheduledTaskErrors() {
        this(Clock.systemUTC());
    }

    ScheduledTaskErrors(Clock clock) {
        this.clock = clock;
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer databaseOutageQuietSimpleScheduler() {
        return scheduler -> scheduler.setErrorHandler(this);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer databaseOutageQuietPoolScheduler() {
        return scheduler -> scheduler.setErrorHandler(this);
    }

    @Override
    public void handleError(Throwable failure) {
        if (!DatabaseErrors.isUnavailable(failure)) {
            TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
            return;
        }
        Instant now = clock.instant();
        int before;
        synchronized (this) {
            if (now.isBefore(lastLogged.plus(QUIET))) {
                unlogged++;
                return;
            }
            before = unlogged;
            unlogged = 0;
            lastLogged = now;
        }
        log.warn(
                "A background job cannot reach the database and runs again at its next interval ({} more such"
                        + " failures in the last {} s): {}",
                before,
                QUIET.toSeconds(),
                failure.toString());
    }
}
