package com.kontor.tenancy.internal;

import com.kontor.db.BlockId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.Filter;

/** A shop of a merchant (ACC-1). Merchant scope; API and notification keys per portal and mode come later. */
@Entity
@Table(name = "portal")
@Filter(name = PlatformScope.MERCHANT_FILTER)
public class Portal {

    @Id
    @BlockId(sequence = "portal_seq")
    private Long id;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private Long merchantId;

    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Portal() {}

    public Portal(long merchantId, String name, Instant createdAt) {
        this.merchantId = merchantId;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public String getName() {
        return name;
    }
}
