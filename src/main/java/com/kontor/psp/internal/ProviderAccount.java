package com.kontor.psp.internal;

import com.kontor.db.BlockId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** A portal's provider account in one mode (PSP-5): notification keys, stored encrypted. */
@Entity
@Table(name = "provider_account")
public class ProviderAccount {

    @Id
    @BlockId(sequence = "provider_account_seq")
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    @Column(name = "portal_id", nullable = false, updatable = false)
    private long portalId;

    @Column(name = "payone_portal_id")
    private String payonePortalId;

    @Column(name = "payone_key_cipher")
    private String payoneKeyCipher;

    @Column(name = "adyen_merchant_account")
    private String adyenMerchantAccount;

    @Column(name = "adyen_hmac_key_cipher")
    private String adyenHmacKeyCipher;

    @Column(name = "adyen_previous_key_cipher")
    private String adyenPreviousKeyCipher;

    @Column(name = "adyen_key_rotated_at")
    private Instant adyenKeyRotatedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected ProviderAccount() {}

    public ProviderAccount(long portalId, Instant now) {
        this.portalId = portalId;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getPartition() {
        return partition;
    }

    public long getPortalId() {
        return portalId;
    }

    public String getPayonePortalId() {
        return payonePortalId;
    }

    public String getPayoneKeyCipher() {
        return payoneKeyCipher;
    }

    public void setPayone(String portalId, String keyCipher, Instant now) {
        this.payonePortalId = portalId;
        this.payoneKeyCipher = keyCipher;
        this.updatedAt = now;
    }

    public String getAdyenMerchantAccount() {
        return adyenMerchantAccount;
    }

    public void setAdyenMerchantAccount(String merchantAccount, Instant now) {
        this.adyenMerchantAccount = merchantAccount;
        this.updatedAt = now;
    }

    public String getAdyenHmacKeyCipher() {
        return adyenHmacKeyCipher;
    }

    public String getAdyenPreviousKeyCipher() {
        return adyenPreviousKeyCipher;
    }

    public Instant getAdyenKeyRotatedAt() {
        return adyenKeyRotatedAt;
    }

    /** A new HMAC key; the current one becomes the previous, valid for the grace period from {@code now}. */
    public void rotateAdyenKey(String newKeyCipher, Instant now) {
        if (adyenHmacKeyCipher != null) {
            this.adyenPreviousKeyCipher = adyenHmacKeyCipher;
            this.adyenKeyRotatedAt = now;
        }
        this.adyenHmacKeyCipher = newKeyCipher;
        this.updatedAt = now;
    }

    /** For demo data: a key that was rotated out at a given time. */
    public void setPreviousAdyenKey(String keyCipher, Instant rotatedAt) {
        this.adyenPreviousKeyCipher = keyCipher;
        this.adyenKeyRotatedAt = rotatedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
