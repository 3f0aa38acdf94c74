package com.kontor.psp.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kontor.notifications.*}: how long a rotated-out Adyen HMAC key stays valid, how long a notification may wait
 * for the one it depends on before it goes to the review list, how often waiting ones are retried, and how often
 * the booking job looks for new ones, and on how many threads it books (one lane of payments each).
 */
@ConfigurationProperties("kontor.notifications")
public record NotificationProperties(
        Duration keyGracePeriod,
        Duration holdTimeout,
        Duration retryInterval,
        Duration pollInterval,
        Integer bookingThreads) {

    public NotificationProperties {
        keyGracePeriod = keyGracePeriod == null ? Duration.ofHours(24) : keyGracePeriod;
        holdTimeout = holdTimeout == null ? Duration.ofHours(1) : holdTimeout;
        retryInterval = retryInterval == null ? Duration.ofSeconds(10) : retryInterval;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        bookingThreads = bookingThreads == null ? 4 : bookingThreads;
        if (bookingThreads < 1) {
            throw new IllegalArgumentException("kontor.notifications.booking-threads must be at least 1");
        }
    }
}
