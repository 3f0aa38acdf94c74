package com.kontor.tenancy.internal;

import com.kontor.tenancy.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Growing delays after failed logins (ACC-4), kept apart per login name and per client address. After the free
 * failures, each further failure doubles the wait (1 s, 2 s, 4 s, ...) up to a cap. Per name the cap is short, so
 * a stranger hammering an admin's name delays the admin by seconds, never locks them out; per address it is long,
 * so one client cannot guess fast across many names. An attempt during the wait is refused without checking the
 * password and does not extend the wait.
 *
 * <p>Held in memory per server: with several servers each keeps its own counts (a guesser gains at most a factor
 * of the server count).
 */
@Component
public class LoginThrottle {

    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final SecurityProperties.LoginThrottle settings;
    private final Clock clock;
    private final Map<String, Failures> byName = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    record Failures(int count, Instant last, Instant blockedUntil) {}

    public LoginThrottle(SecurityProperties properties, Clock clock) {
        this.settings = properties.loginThrottle();
        this.clock = clock;
    }

    /** How long this attempt must still wait; zero when it may go ahead. */
    public Duration waitFor(String name, String address) {
        Instant now = clock.instant();
        Duration nameWait = remaining(byName.get(name), now);
        Duration addressWait = address == null ? Duration.ZERO : remaining(byAddress.get(address), now);
        return nameWait.compareTo(addressWait) >= 0 ? nameWait : addressWait;
    }

    public void failed(String name, String address) {
        Instant now = clock.instant();
        byName.compute(name, (k, f) -> next(f, now, settings.freeFailuresPerName(), settings.maxDelayPerName()));
        if (address != null) {
            byAddress.compute(
                    address, (k, f) -> next(f, now, settings.freeFailuresPerAddress(), settings.maxDelayPerAddress()));
        }
    }

    /** A successful login clears the name's failures (not the address's: a guesser could interleave his own). */
    public void succeeded(String name) {
        byName.remove(name);
    }

    @Scheduled(fixedDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void forgetOldFailures() {
        Instant cutoff = clock.instant().minus(FORGET_AFTER);
        byName.values().removeIf(f -> f.last().isBefore(cutoff));
        byAddress.values().removeIf(f -> f.last().isBefore(cutoff));
    }

    private static Duration remaining(Failures f, Instant now) {
        if (f == null || f.blockedUntil() == null || !f.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.blockedUntil());
    }

    private static Failures next(Failures previous, Instant now, int free, Duration cap) {
        if (previous != null && previous.last().isBefore(now.minus(FORGET_AFTER))) {
            previous = null;
        }
        int count = previous == null ? 1 : previous.count() + 1;
        Instant blockedUntil = null;
        if (count > free) {
            int exponent = Math.min(count - free - 1, 30);
            Duration delay = Duration.ofSeconds(1L << exponent);
            blockedUntil = now.plus(delay.compareTo(cap) > 0 ? cap : delay);
        }
        return new Failures(count, now, blockedUntil);
    }
}
