package com.kontor.mail;

import java.time.Instant;

/**
 * How an issued invoice or credit note went to its debtor (DOC-4).
 *
 * @param channel PENDING (just issued), EMAIL or POST (the debtor has no email address)
 * @param emailId the copy's id for EMAIL, else null
 * @param emailStatus the copy's status for EMAIL, else null
 * @param sentAt when the email was sent, else null
 */
public record DocumentDispatch(
        String documentNumber,
        Channel channel,
        Long emailId,
        EmailStatus emailStatus,
        Instant sentAt,
        Instant dispatchedAt) {

    public enum Channel {
        PENDING,
        EMAIL,
        POST
    }
}
