package com.kontor.operation.internal;

import com.kontor.audit.ActorType;
import com.kontor.db.BlockId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** A money operation above the four-eyes threshold, waiting for a second person (OPS-6); it reserves its amount. */
@Entity
@Table(name = "approval_request")
public class ApprovalRequest {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    @BlockId(sequence = "approval_request_seq")
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    private long txid;
    private String kind;
    private long amount;
    private String currency;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "requester_type")
    private ActorType requesterType;

    @Column(name = "requester_id")
    private String requesterId;

    @Column(name = "requester_name")
    private String requesterName;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    private String reason;

    /** The requester's reason or comment (a refund's reason, a de-recognition's comment). */
    private String note;

    /** What the operation does once approved beyond its amount, as JSON (a credit entry's type and items). */
    private String payload;

    @Column(name = "decided_by_id")
    private String decidedById;

    /** How the approved operation ended ("refunded", the provider's refusal). */
    private String outcome;

    @Version
    private long version;

    protected ApprovalRequest() {}

    public ApprovalRequest(
            long txid,
            String kind,
            long amount,
            String currency,
            Instant requestedAt,
            ActorType requesterType,
            String requesterId,
            String requesterName) {
        this.txid = txid;
        this.kind = kind;
        this.amount = amount;
        this.currency = currency;
        this.status = Status.PENDING;
        this.requestedAt = requestedAt;
        this.requesterType = requesterType;
        this.requesterId = requesterId;
        this.requesterName = requesterName;
    }

    /** Approved by {@code approver}: the operation is executed next. */
    public void approve(Instant at, com.kontor.audit.Actor approver) {
        decide(Status.APPROVED, at, approver, null);
    }

    /** Rejected with a reason: nothing is booked, the reservation is released. */
    public void reject(Instant at, com.kontor.audit.Actor approver, String reason) {
        decide(Status.REJECTED, at, approver, reason);
    }

    private void decide(Status decision, Instant at, com.kontor.audit.Actor approver, String why) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("approval " + id + " is " + status + ", not PENDING");
        }
        this.status = decision;
        this.decidedAt = at;
        this.decidedBy = approver.name();
        this.decidedById = approver.type() + ":" + approver.id();
        this.reason = why;
    }

    /** Whether {@code actor} asked for this operation: nobody approves their own request (OPS-6). */
    public boolean requestedBy(com.kontor.audit.Actor actor) {
        return requesterType == actor.type() && requesterId != null && requesterId.equals(actor.id());
    }

    public void setNote(String note) {
        this.note = note;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getNote() {
        return note;
    }

    public String getPayload() {
        return payload;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getReason() {
        return reason;
    }

    public ActorType getRequesterType() {
        return requesterType;
    }

    public Long getId() {
        return id;
    }

    public long getTxid() {
        return txid;
    }

    public String getKind() {
        return kind;
    }

    public long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getRequesterName() {
        return requesterName;
    }
}
