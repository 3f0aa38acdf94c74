package com.kontor.debtor.internal;

import com.kontor.db.BlockId;
import com.kontor.debtor.CardSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** A card of a debtor (DEB-3, DEB-4): the provider's token (encrypted, fingerprinted) and the last four digits. */
@Entity
@Table(name = "debtor_card")
public class Card {

    @Id
    @BlockId(sequence = "debtor_card_seq")
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    @Column(name = "debtor_id", nullable = false, updatable = false)
    private long debtorId;

    private String holder;

    @Column(nullable = false, updatable = false)
    private String brand;

    @Column(nullable = false, updatable = false)
    private String last4;

    @Column(name = "expiry_month")
    private int expiryMonth;

    @Column(name = "expiry_year")
    private int expiryYear;

    @Column(name = "token_cipher", nullable = false, updatable = false)
    private String tokenCipher;

    @Column(name = "token_fingerprint", nullable = false, updatable = false)
    private String tokenFingerprint;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Version
    private long version;

    protected Card() {}

    public Card(
            long debtorId,
            String holder,
            String brand,
            String last4,
            int expiryMonth,
            int expiryYear,
            String tokenCipher,
            String tokenFingerprint,
            Instant createdAt) {
        this.debtorId = debtorId;
        this.holder = holder;
        this.brand = brand;
        this.last4 = last4;
        this.expiryMonth = expiryMonth;
        this.expiryYear = expiryYear;
        this.tokenCipher = tokenCipher;
        this.tokenFingerprint = tokenFingerprint;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getDebtorId() {
        return debtorId;
    }

    public String getHolder() {
        return holder;
    }

    public String getBrand() {
        return brand;
    }

    public String getLast4() {
        return last4;
    }

    public int getExpiryMonth() {
        return expiryMonth;
    }

    public int getExpiryYear() {
        return expiryYear;
    }

    /** Only holder and expiry of a card can be amended, never its number (DEB-3). */
    public void amend(String holder, int expiryMonth, int expiryYear) {
        this.holder = holder;
        this.expiryMonth = expiryMonth;
        this.expiryYear = expiryYear;
    }

    public String getTokenCipher() {
        return tokenCipher;
    }

    public String getTokenFingerprint() {
        return tokenFingerprint;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public void remove(Instant at) {
        this.removedAt = at;
    }

    /** As the portal and the API show it: the last four digits, the token only as fingerprint. */
    public CardSummary summary() {
        return new CardSummary(
                id, debtorId, holder, brand, last4, expiryMonth, expiryYear, tokenFingerprint, createdAt);
    }

    /** As the history and the audit log record it: masked. */
    public String describe() {
        return brand + " •••• " + last4 + " " + expiryMonth + "/" + expiryYear
                + (holder == null ? "" : " (" + holder + ")");
    }
}
