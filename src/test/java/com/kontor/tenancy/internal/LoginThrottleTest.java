package com.kontor.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.tenancy.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new SecurityProperties(
                    Duration.ofMinutes(30),
                    new SecurityProperties.LoginThrottle(3, Duration.ofSeconds(30), 10, Duration.ofMinutes(15))),
            clock);

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

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T10:00:00Z");

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
