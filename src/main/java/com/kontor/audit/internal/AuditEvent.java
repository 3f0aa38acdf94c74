package com.kontor.audit.internal;

import com.kontor.audit.ActorType;
import com.kontor.audit.AuditEventType;
import com.kontor.db.BlockId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.Immutable;

/** A stored audit record: merchant scope (platform events have no merchant), never changed after insert. */
@Entity
@Immutable
@Table(name = "audit_event")
@Filter(name = "merchantScope")
public class AuditEvent {

    @Id
    @BlockId(sequence = "audit_event_seq")
    private Long id;

    @Column(name = "merchant_id")
    private Long merchantId;

    private String mode;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type")
    private ActorType actorType;

    @Column(name = "actor_id")
    private String actorId;

    @Column(name = "actor_name")
    private String actorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    private AuditEventType eventType;

    @Column(name = "debtor_number")
    private Long debtorNumber;

    private Long txid;
    private String comment;
    private String details;

    protected AuditEvent() {}

    public AuditEvent(
            Long merchantId,
            String mode,
            Instant occurredAt,
            ActorType actorType,
            String actorId,
            String actorName,
            AuditEventType eventType,
            Long debtorNumber,
            Long txid,
            String comment,
            String details) {
        this.merchantId = merchantId;
        this.mode = mode;
        this.occurredAt = occurredAt;
        this.actorType = actorType;
        this.actorId = actorId;
        this.actorName = actorName;
        this.eventType = eventType;
        this.debtorNumber = debtorNumber;
        this.txid = txid;
        this.comment = comment;
        this.details = details;
    }
}
