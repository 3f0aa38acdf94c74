package com.kontor.psp.internal;

import com.kontor.db.BlockId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** One exchange with the provider about a process (TX-8): references and outcomes, never a sensitive value. */
@Entity
@Immutable
@Table(name = "provider_log")
public class ProviderLogEntry {

    @Id
    @BlockId(sequence = "provider_log_seq")
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    private long txid;

    @Column(name = "logged_at")
    private Instant loggedAt;

    private String direction;
    private String operation;
    private String outcome;
    private Long amount;

    @Column(name = "provider_ref")
    private String providerRef;

    private String detail;

    protected ProviderLogEntry() {}

    public ProviderLogEntry(
            long txid,
            Instant loggedAt,
            String direction,
            String operation,
            String outcome,
            Long amount,
            String providerRef,
            String detail) {
        this.txid = txid;
        this.loggedAt = loggedAt;
        this.direction = direction;
        this.operation = operation;
        this.outcome = outcome;
        this.amount = amount;
        this.providerRef = providerRef;
        this.detail = detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300);
    }

    public long getTxid() {
        return txid;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }

    public String getDirection() {
        return direction;
    }

    public String getOperation() {
        return operation;
    }

    public String getOutcome() {
        return outcome;
    }

    public Long getAmount() {
        return amount;
    }

    public String getProviderRef() {
        return providerRef;
    }

    public String getDetail() {
        return detail;
    }
}
