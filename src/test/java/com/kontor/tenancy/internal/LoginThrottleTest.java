package com.kontor.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.tenancy.SecurityProperties;
import com.kontor.testsupport.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ACC-4 login throttling, counted in the database: the delays, and several servers (here: throttle instances on one
 * database) counting together.
 */
@IntegrationTest
class LoginThrottleTest {

    private static final SecurityProperties SETTINGS = new SecurityProperties(
            Duration.ofMinutes(30),
            new SecurityProperties.LoginThrottle(3, Duration.ofSeconds(30), 10, Duration.ofMinutes(15)));

    @Autowired
    JdbcTemplate jdbc;

    private final MutableClock clock = new MutableClock();
    private LoginThrottle throttle;

    @BeforeEach
    void cleanCounts() {
        jdbc.update("delete from login_failure"); // each test starts with no failures counted
        throttle = server();
    }

    /** A throttle as one more server has it: its own instance, the same database. */
    private LoginThrottle server() {
        return new LoginThrottle(SETTINGS, clock, jdbc);
    }

    @Test
    void theFirstFailuresCostNothingThenDelaysDouble() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin@shop.example", "10.0.0.1");
        }
        assertThat(throttle.waitFor("admin@shop.example", "10.0.0.2")).isZero();
        throttle.failed("admin@shop.example", "10.0.0.1");
        assertThat(throttle.waitFor("admin@shop.example", "10.0.0.2")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("admin@shop.example", "10.0.0.1");
        assertThat(throttle.waitFor("admin@shop.example", "10.0.0.2")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aStrangerCannotLockAnAdminOutForLong() {
        for (int i = 0; i < 200; i++) {
            throttle.failed("admin@shop.example", "203.0.113." + (i % 250));
        }
        // However often a name is guessed, its own wait never exceeds the short cap.
        assertThat(throttle.waitFor("admin@shop.example", "192.0.2.7")).isLessThanOrEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("admin@shop.example", "192.0.2.7")).isZero();
    }

    @Test
    void oneAddressGuessingManyNamesIsSlowedDownForLonger() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i + "@shop.example", "198.51.100.9");
        }
        assertThat(throttle.waitFor("someone-new@shop.example", "198.51.100.9")).isGreaterThan(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("someone-new@shop.example", "198.51.100.10"))
                .isZero();
    }

    @Test
    void successClearsTheNameButNotTheAddress() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("a@shop.example", "198.51.100.9");
        }
        throttle.succeeded("a@shop.example");
        assertThat(throttle.waitFor("a@shop.example", "10.1.1.1")).isZero();
        assertThat(throttle.waitFor("a@shop.example", "198.51.100.9")).isPositive();
    }

    @Test
    void twoServersCountTogether() {
        LoginThrottle other = server();
        throttle.failed("admin@shop.example", "10.0.0.1");
        other.failed("admin@shop.example", "10.0.0.2");
        throttle.failed("admin@shop.example", "10.0.0.3");
        assertThat(other.waitFor("admin@shop.example", "10.0.0.9")).isZero();
        other.failed("admin@shop.example", "10.0.0.4"); // the fourth failure, counted on the second server
        assertThat(throttle.waitFor("admin@shop.example", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        assertThat(other.waitFor("admin@shop.example", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));

        throttle.succeeded("admin@shop.example"); // a success on one server clears the name on all
        assertThat(other.waitFor("admin@shop.example", "10.0.0.9")).isZero();
    }

    @Test
    void concurrentFailuresOnTwoServersAreAllCounted() throws Exception {
        LoginThrottle other = server();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> both =
                    List.of(pool.submit(() -> failTimes(throttle, 10)), pool.submit(() -> failTimes(other, 10)));
            for (Future<?> one : both) {
                one.get();
            }
        }
        assertThat(jdbc.queryForObject(
                        "select failures from login_failure where kind = 'A' and subject_hash = ?",
                        Integer.class,
                        LoginThrottle.hash(LoginThrottle.Kind.ADDRESS, "203.0.113.50")))
                .isEqualTo(20);
        // 20 failures, 10 free: the 11th waits 1 s, ... the 20th 2^9 s = 512 s, within the 15-minute cap
        assertThat(throttle.waitFor("someone@shop.example", "203.0.113.50")).isEqualTo(Duration.ofSeconds(512));
    }

    private static void failTimes(LoginThrottle server, int times) {
        for (int i = 0; i < times; i++) {
            server.failed("victim@shop.example", "203.0.113.50");
        }
    }

    @Test
    void failuresAreForgottenAfterAnHourAndTheirRowsDeleted() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("old@shop.example", "198.51.100.77");
        }
        clock.advance(Duration.ofMinutes(61));
        throttle.failed("old@shop.example", "198.51.100.77"); // counts from one again: no wait
        assertThat(throttle.waitFor("old@shop.example", "198.51.100.77")).isZero();
        throttle.failed("recent@shop.example", "198.51.100.78");
        clock.advance(Duration.ofMinutes(61));
        throttle.failed("recent@shop.example", "198.51.100.78");

        throttle.forgetOldFailures();
        assertThat(jdbc.queryForObject("select count(*) from login_failure", Integer.class))
                .isEqualTo(2); // only the name and address of the failure just now
        assertThat(jdbc.queryForList("select subject_hash from login_failure", String.class))
                .containsExactlyInAnyOrder(
                        LoginThrottle.hash(LoginThrottle.Kind.NAME, "recent@shop.example"),
                        LoginThrottle.hash(LoginThrottle.Kind.ADDRESS, "198.51.100.78"));
    }

    static final class MutableClock extends Clock {
        // now, so that the application's own cleanup (on the real clock) leaves the rows of a test alone
        private Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
