package com.kontor.blacklist.internal;

import com.kontor.blacklist.BlacklistKind;
import com.kontor.db.BlockId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;

/** A blacklisted value of one merchant in one mode: its keyed fingerprint and a masked display value. */
@Entity
@Table(name = "blacklist_entry")
public class BlacklistEntry {

    @Id
    @BlockId(sequence = "blacklist_entry_seq")
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    @Enumerated(EnumType.STRING)
    private BlacklistKind kind;

    private String fingerprint;
    private String masked;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected BlacklistEntry() {}

    public BlacklistEntry(
            BlacklistKind kind,
            String fingerprint,
            String masked,
            LocalDate expiresOn,
            Instant createdAt,
            String createdBy) {
        this.kind = kind;
        this.fingerprint = fingerprint;
        this.masked = masked;
        this.expiresOn = expiresOn;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public BlacklistKind getKind() {
        return kind;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getMasked() {
        return masked;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public boolean activeOn(LocalDate day) {
        return expiresOn == null || !expiresOn.isBefore(day);
    }
}
