package com.kontor.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait after a failed attempt: 1 min, doubling, never more than 1 h. */
class MailSendingBackOffTest {

    @Test
    void theWaitDoublesFromOneMinuteUpToOneHour() {
        assertThat(MailSending.backOff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailSending.backOff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailSending.backOff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(MailSending.backOff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(MailSending.backOff(40)).isEqualTo(Duration.ofHours(1));
    }
}
