package com.kontor.operation.internal;

import com.kontor.audit.ActorType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
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
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approval_request_seq")
    @SequenceGenerator(name = "approval_request_seq", sequenceName = "approval_request_seq", allocationSize = 50)
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
