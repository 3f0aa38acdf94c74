package com.kontor.api;

import java.time.Instant;

/** An API key as the admin view lists it: never the key, only its first characters. */
public record ApiKeySummary(
        long id,
        long portalId,
        String portalName,
        String name,
        String hint,
        Instant createdAt,
        String createdBy,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
