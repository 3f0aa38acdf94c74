package com.kontor.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kontor.mail.*}.
 *
 * @param from the sender when the letterhead has no email address
 * @param retryInterval how often the sweep looks for due emails (queued ones a worker missed and retries)
 * @param maxAttempts after this many failed attempts an email is FAILED (it can be sent again by hand)
 * @param embedded the in-process GreenMail server of the demo start and the tests
 */
@ConfigurationProperties("kontor.mail")
public record MailProperties(
        @DefaultValue("no-reply@kontor.invalid") String from,
        @DefaultValue("30s") Duration retryInterval,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue Embedded embedded) {

    /**
     * @param enabled start GreenMail and send to it (demo, tests); production leaves it off and uses spring.mail.*
     * @param smtpPort 0 for a free port
     * @param imapPort 0 for a free port
     */
    public record Embedded(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("3025") int smtpPort,
            @DefaultValue("3143") int imapPort) {}
}
