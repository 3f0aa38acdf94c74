package com.kontor.blacklist;

import java.time.Instant;
import java.time.LocalDate;

/** A blacklist entry as lists show it: masked, never the full value. */
public record BlacklistEntrySummary(
        long id, BlacklistKind kind, String masked, LocalDate expiresOn, Instant createdAt, String createdBy) {}
