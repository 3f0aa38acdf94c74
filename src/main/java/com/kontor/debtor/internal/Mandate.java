package com.kontor.debtor.internal;

import com.kontor.db.BlockId;
import com.kontor.debtor.MandateSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** A SEPA direct debit mandate (DEB-6): which bank account the debtor allowed to be debited, and since when. */
@Entity
@Immutable
@Table(name = "sepa_mandate")
public class Mandate {

    @Id
    @BlockId(sequence = "sepa_mandate_seq")
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    @Column(name = "debtor_id")
    private long debtorId;

    @Column(name = "bank_account_id")
    private long bankAccountId;

    @Column(name = "mandate_reference")
    private String mandateReference;

    @Column(name = "creditor_id")
    private String creditorId;

    @Column(name = "signed_on")
    private LocalDate signedOn;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Mandate() {}

    public Mandate(
            long debtorId,
            long bankAccountId,
            String mandateReference,
            String creditorId,
            LocalDate signedOn,
            Instant createdAt) {
        this.debtorId = debtorId;
        this.bankAccountId = bankAccountId;
        this.mandateReference = mandateReference;
        this.creditorId = creditorId;
        this.signedOn = signedOn;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getDebtorId() {
        return debtorId;
    }

    public long getBankAccountId() {
        return bankAccountId;
    }

    public String getMandateReference() {
        return mandateReference;
    }

    public String getCreditorId() {
        return creditorId;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public MandateSummary summary() {
        return new MandateSummary(id, bankAccountId, mandateReference, creditorId, signedOn);
    }
}
