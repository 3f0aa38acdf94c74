package com.kontor.psp.payone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** PLAT-6: PAYONE's txtime (Unix seconds) orders after the sequence number; one that cannot be read refuses nothing. */
class PayoneTxtimeTest {

    @Test
    void txtimeIsReadAsUnixSecondsAndAnUnreadableOneIsLeftOut() {
        assertThat(PayoneNotifications.txtime(" 1764320400 ")).isEqualTo(Instant.parse("2025-11-28T09:00:00Z"));
        assertThat(PayoneNotifications.txtime(null)).isNull();
        assertThat(PayoneNotifications.txtime("soon")).isNull();
        assertThat(PayoneNotifications.txtime("99999999999999999"))
                .as("beyond DATETIME")
                .isNull();
    }
}
