package com.kontor.debtor.internal;

import com.kontor.db.BlockId;
import com.kontor.debtor.MasterData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;

/**
 * A debtor (purchaser) of a merchant in one mode. Merchant+mode scope: {@code @TenantId} makes Hibernate filter
 * every query and load by id on the current partition and write it on insert.
 */
@Entity
@Table(name = "debtor")
public class Debtor {

    @Id
    @BlockId(sequence = "debtor_seq")
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    @Column(name = "debtor_number", nullable = false, updatable = false)
    private long debtorNumber;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;

    private String salutation;
    private String title;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String company;
    private String street;

    @Column(name = "address_line2")
    private String addressLine2;

    private String postcode;
    private String city;
    private String country;
    private String email;
    private String phone;
    private LocalDate birthday;
    private String language;

    @Column(name = "vat_id")
    private String vatId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Debtor() {}

    public Debtor(long debtorNumber, String customerId, MasterData data, Instant createdAt) {
        this.debtorNumber = debtorNumber;
        this.customerId = customerId;
        this.createdAt = createdAt;
        apply(data);
    }

    public MasterData masterData() {
        return new MasterData(
                salutation,
                title,
                firstName,
                lastName,
                company,
                street,
                addressLine2,
                postcode,
                city,
                country,
                email,
                phone,
                birthday,
                language,
                vatId);
    }

    /** Sets the master data as given (an absent value becomes empty, as API.md says). */
    public void setMasterData(MasterData data, Instant at) {
        apply(data);
        this.updatedAt = at;
    }

    private void apply(MasterData d) {
        this.salutation = d.salutation();
        this.title = d.title();
        this.firstName = d.firstName();
        this.lastName = d.lastName();
        this.company = d.company();
        this.street = d.street();
        this.addressLine2 = d.addressLine2();
        this.postcode = d.postcode();
        this.city = d.city();
        this.country = d.country();
        this.email = d.email();
        this.phone = d.phone();
        this.birthday = d.birthday();
        this.language = d.language();
        this.vatId = d.vatId();
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getId() {
        return id;
    }

    public String getPartition() {
        return partition;
    }

    public long getDebtorNumber() {
        return debtorNumber;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getCompany() {
        return company;
    }

    public String getCity() {
        return city;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
