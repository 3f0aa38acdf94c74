package com.kontor.mail;

import java.time.Instant;

/** The kept copy of an email with where its sending stands. */
public record EmailCopy(
        long id,
        Long debtorId,
        Long txid,
        String from,
        String to,
        String subject,
        String body,
        String attachmentDocumentNumber,
        EmailPurpose purpose,
        EmailStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        Instant nextAttemptAt,
        String messageId) {}
