package com.kontor.psp.adyen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** PLAT-6: Adyen's eventDate orders one payment's notifications; one that cannot be read refuses nothing. */
class AdyenEventDateTest {

    @Test
    void anEventDateWithAnOffsetOrInUtcIsReadAndAnUnreadableOneIsLeftOut() {
        assertThat(AdyenNotifications.eventDate("2026-11-28T10:05:00.250+01:00"))
                .isEqualTo(Instant.parse("2026-11-28T09:05:00.250Z"));
        assertThat(AdyenNotifications.eventDate("2026-11-28T09:00:00Z"))
                .isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(AdyenNotifications.eventDate("")).isNull();
        assertThat(AdyenNotifications.eventDate("yesterday")).isNull();
        assertThat(AdyenNotifications.eventDate("0001-01-01T00:00:00Z"))
                .as("beyond DATETIME")
                .isNull();
    }
}
