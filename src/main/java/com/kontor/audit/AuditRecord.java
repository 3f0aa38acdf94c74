package com.kontor.audit;

import java.time.Instant;

/** A stored audit record as views and exports read it. */
public record AuditRecord(long id, Instant occurredAt, ActorType actorType, String actorName, AuditEventType type,
                          Long debtorNumber, Long txid, String comment, String details) {
}
