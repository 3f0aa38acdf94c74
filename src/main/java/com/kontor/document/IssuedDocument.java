package com.kontor.document;

import java.time.Instant;

/** A document as the archive holds it, without its PDF bytes: what lists and the API show. */
public record IssuedDocument(
        String number, DocumentType type, long txid, Long debtorId, Instant issuedAt, String language, String sha256) {}
