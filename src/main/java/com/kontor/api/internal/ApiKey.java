package com.kontor.api.internal;

import com.kontor.db.BlockId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** An API key of one portal in one mode (merchant+mode scope). The key itself is never stored: its SHA-256. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @BlockId(sequence = "api_key_seq")
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    @Column(name = "portal_id", nullable = false, updatable = false)
    private long portalId;

    private String name;

    @Column(name = "key_hash", nullable = false, updatable = false)
    private String keyHash;

    @Column(name = "key_hint", nullable = false, updatable = false)
    private String keyHint;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Version
    private long version;

    protected ApiKey() {}

    public ApiKey(long portalId, String name, String keyHash, String keyHint, Instant createdAt, String createdBy) {
        this.portalId = portalId;
        this.name = name;
        this.keyHash = keyHash;
        this.keyHint = keyHint;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public long getPortalId() {
        return portalId;
    }

    public String getName() {
        return name;
    }

    public String getKeyHint() {
        return keyHint;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void revoke(Instant at, String by) {
        this.revokedAt = at;
        this.revokedBy = by;
    }
}
