package com.kontor.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kontor.notifications.*}: how long a rotated-out Adyen HMAC key stays valid, how long a notification may wait
 * for the one it depends on before it goes to the review list, how often waiting ones are retried, and how often
 * the booking job looks for new ones.
 */
@ConfigurationProperties("kontor.notifications")
public record NotificationProperties(Duration keyGracePeriod, Duration holdTimeout, Duration retryInterval,
                                     Duration pollInterval) {

    public NotificationProperties {
        keyGracePeriod = keyGracePeriod == null ? Duration.ofHours(24) : keyGracePeriod;
        holdTimeout = holdTimeout == null ? Duration.ofHours(1) : holdTimeout;
        retryInterval = retryInterval == null ? Duration.ofSeconds(10) : retryInterval;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
    }
}
