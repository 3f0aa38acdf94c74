package com.kontor.tenancy.internal;

import com.kontor.db.BlockId;
import com.kontor.tenancy.BookedModule;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A tenant of the platform (ACC-1). Platform scope: only the operator lists merchants. */
@Entity
@Table(name = "merchant")
public class Merchant {

    @Id
    @BlockId(sequence = "merchant_seq")
    private Long id;

    private String name;
    private String street;
    private String postcode;
    private String city;
    private String country;

    @Column(name = "vat_id")
    private String vatId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "merchant_module", joinColumns = @JoinColumn(name = "merchant_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "module")
    private Set<BookedModule> modules = new HashSet<>();

    @Version
    private long version;

    protected Merchant() {}

    public Merchant(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setAddress(String street, String postcode, String city, String country, String vatId) {
        this.street = street;
        this.postcode = postcode;
        this.city = city;
        this.country = country;
        this.vatId = vatId;
    }

    public String getStreet() {
        return street;
    }

    public String getPostcode() {
        return postcode;
    }

    public String getCity() {
        return city;
    }

    public String getCountry() {
        return country;
    }

    public String getVatId() {
        return vatId;
    }

    public Set<BookedModule> getModules() {
        return modules.isEmpty() ? EnumSet.noneOf(BookedModule.class) : EnumSet.copyOf(modules);
    }

    public void setModules(Set<BookedModule> modules) {
        this.modules.clear();
        this.modules.addAll(modules);
    }
}
