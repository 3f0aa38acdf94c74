package com.kontor.mail;

/**
 * An email to queue: plain-text body, optionally the PDF of an archived document attached.
 *
 * @param debtorId the debtor it goes to, or null
 * @param txid the process it is about, or null
 * @param attachmentDocumentNumber a document of the current partition's archive, attached as PDF; null for none
 */
public record OutgoingEmail(
        Long debtorId,
        Long txid,
        String to,
        String subject,
        String body,
        String attachmentDocumentNumber,
        EmailPurpose purpose) {}
