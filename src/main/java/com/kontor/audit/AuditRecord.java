package com.kontor.audit;

import java.time.Instant;

/**
 * A stored audit record as views and exports read it; {@code details} is the stored JSON, {@code detailsText} the
 * same for people ({@code city: Berlin → Potsdam; user: anna@example.com}).
 */
public record AuditRecord(
        long id,
        Instant occurredAt,
        ActorType actorType,
        String actorName,
        AuditEventType type,
        Long debtorNumber,
        Long txid,
        String comment,
        String details,
        String detailsText) {}
