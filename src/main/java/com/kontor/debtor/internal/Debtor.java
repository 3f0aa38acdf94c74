package com.kontor.debtor.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/**
 * A debtor (purchaser) of a merchant in one mode. Merchant+mode scope: {@code @TenantId} makes Hibernate filter
 * every query and load by id on the current partition and write it on insert.
 */
@Entity
@Table(name = "debtor")
public class Debtor {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "debtor_seq")
    @SequenceGenerator(name = "debtor_seq", sequenceName = "debtor_seq", allocationSize = 50)
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    @Column(name = "debtor_number", nullable = false, updatable = false)
    private long debtorNumber;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    private String company;
    private String city;
    private String email;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Debtor() {
    }

    public Debtor(long debtorNumber, String customerId, String firstName, String lastName, String company,
                  String city, String email, Instant createdAt) {
        this.debtorNumber = debtorNumber;
        this.customerId = customerId;
        this.firstName = firstName;
        this.lastName = lastName;
        this.company = company;
        this.city = city;
        this.email = email;
        this.createdAt = createdAt;
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
