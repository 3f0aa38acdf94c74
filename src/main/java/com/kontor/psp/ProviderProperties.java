package com.kontor.psp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kontor.provider.*}: how long one provider call may take, how often a transient failure is retried and the
 * first pause between tries (doubling each time); how long the simulator's pending outcomes take.
 */
@ConfigurationProperties("kontor.provider")
public record ProviderProperties(Duration timeout, Integer retries, Duration backoff, Duration simulatorDelay) {

    public ProviderProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retries = retries == null ? 2 : Math.max(0, retries);
        backoff = backoff == null ? Duration.ofMillis(200) : backoff;
        simulatorDelay = simulatorDelay == null ? Duration.ofSeconds(5) : simulatorDelay;
    }
}
