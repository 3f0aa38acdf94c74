package com.kontor.tenancy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code kontor.security.*}: session and login settings. */
@ConfigurationProperties("kontor.security")
public record SecurityProperties(
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue LoginThrottle loginThrottle) {

    /** Growing delays after failed logins, per login name and per client address. */
    public record LoginThrottle(
            @DefaultValue("3") int freeFailuresPerName,
            @DefaultValue("30s") Duration maxDelayPerName,
            @DefaultValue("10") int freeFailuresPerAddress,
            @DefaultValue("15m") Duration maxDelayPerAddress) {}
}
