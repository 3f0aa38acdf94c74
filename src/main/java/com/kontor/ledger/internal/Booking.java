package com.kontor.ledger.internal;

import com.kontor.db.BlockId;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.BookingType;
import com.kontor.ledger.ReceivableType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** One booking on a process account (TX-4). Append-only: no setter, and the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "booking")
public class Booking {

    @Id
    @BlockId(sequence = "booking_seq")
    private Long id;

    @TenantId
    @Column(name = "partition_key", nullable = false, updatable = false)
    private String partition;

    private long txid;

    @Column(name = "booked_at")
    private Instant bookedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "booking_type")
    private BookingType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "receivable_type")
    private ReceivableType receivableType;

    private long debit;
    private long credit;
    private String currency;

    @Column(name = "provider_txn")
    private String providerTxn;

    @Enumerated(EnumType.STRING)
    private BookingSource source;

    protected Booking() {}

    Booking(
            long txid,
            Instant bookedAt,
            BookingType type,
            ReceivableType receivableType,
            long debit,
            long credit,
            String currency,
            String providerTxn,
            BookingSource source) {
        this.txid = txid;
        this.bookedAt = bookedAt;
        this.type = type;
        this.receivableType = receivableType;
        this.debit = debit;
        this.credit = credit;
        this.currency = currency;
        this.providerTxn = providerTxn;
        this.source = source;
    }

    public Long getId() {
        return id;
    }

    public long getTxid() {
        return txid;
    }

    public Instant getBookedAt() {
        return bookedAt;
    }

    public BookingType getType() {
        return type;
    }

    public ReceivableType getReceivableType() {
        return receivableType;
    }

    public long getDebit() {
        return debit;
    }

    public long getCredit() {
        return credit;
    }

    public String getCurrency() {
        return currency;
    }

    public String getProviderTxn() {
        return providerTxn;
    }

    public BookingSource getSource() {
        return source;
    }
}
