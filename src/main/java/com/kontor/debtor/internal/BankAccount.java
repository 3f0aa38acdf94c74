package com.kontor.debtor.internal;

import com.kontor.db.BlockId;
import com.kontor.debtor.BankAccountSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** A bank account of a debtor (DEB-3): the IBAN only encrypted, as keyed fingerprint and masked. */
@Entity
@Table(name = "debtor_bank_account")
public class BankAccount {

    @Id
    @BlockId(sequence = "debtor_bank_account_seq")
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    @Column(name = "debtor_id", nullable = false, updatable = false)
    private long debtorId;

    private String holder;

    @Column(name = "iban_cipher", nullable = false, updatable = false)
    private String ibanCipher;

    @Column(name = "iban_fingerprint", nullable = false, updatable = false)
    private String ibanFingerprint;

    @Column(name = "iban_masked", nullable = false, updatable = false)
    private String ibanMasked;

    private String bic;
    private String country;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Version
    private long version;

    protected BankAccount() {}

    public BankAccount(
            long debtorId,
            String holder,
            String ibanCipher,
            String ibanFingerprint,
            String ibanMasked,
            String bic,
            String country,
            Instant createdAt) {
        this.debtorId = debtorId;
        this.holder = holder;
        this.ibanCipher = ibanCipher;
        this.ibanFingerprint = ibanFingerprint;
        this.ibanMasked = ibanMasked;
        this.bic = bic;
        this.country = country;
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

    public void setHolder(String holder) {
        this.holder = holder;
    }

    public String getIbanCipher() {
        return ibanCipher;
    }

    public String getIbanFingerprint() {
        return ibanFingerprint;
    }

    public String getIbanMasked() {
        return ibanMasked;
    }

    public String getBic() {
        return bic;
    }

    public void setBic(String bic) {
        this.bic = bic;
    }

    public String getCountry() {
        return country;
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

    public long getVersion() {
        return version;
    }

    /** As the portal and the API show it: masked, the IBAN only as fingerprint. */
    public BankAccountSummary summary() {
        return new BankAccountSummary(id, debtorId, holder, ibanMasked, ibanFingerprint, bic, country, createdAt);
    }

    /** As the history and the audit log record it: masked. */
    public String describe() {
        return ibanMasked + " (" + holder + (bic == null ? "" : ", " + bic) + ")";
    }
}
