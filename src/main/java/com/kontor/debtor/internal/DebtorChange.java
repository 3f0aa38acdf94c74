package com.kontor.debtor.internal;

import com.kontor.audit.ActorType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * One changed field of a debtor's master data: who, when, old and new value (DEB-5). Append-only; written by
 * {@link DebtorHistory}, read here.
 */
@Entity
@Immutable
@Table(name = "debtor_change")
public class DebtorChange {

    @Id
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    @Column(name = "debtor_id")
    private long debtorId;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type")
    private ActorType actorType;

    @Column(name = "actor_id")
    private String actorId;

    @Column(name = "actor_name")
    private String actorName;

    private String field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    protected DebtorChange() {}

    public Instant getChangedAt() {
        return changedAt;
    }

    public ActorType getActorType() {
        return actorType;
    }

    public String getActorName() {
        return actorName;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
