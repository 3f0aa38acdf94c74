package com.kontor.mail;

/** Where an email stands; {@link #OUTBOX} is test mode's, which is never sent (ACC-3). */
public enum EmailStatus {
    QUEUED,
    SENT,
    RETRYING,
    FAILED,
    OUTBOX
}
