package com.kontor.ledger.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Partition-filtered by Hibernate (@TenantId); native queries name the partition themselves. */
public interface PaymentProcessRepository extends JpaRepository<PaymentProcess, Long> {

    /** Locks the process row for a money operation (OPS-7): concurrent captures and refunds queue here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PaymentProcess p where p.txid = :txid")
    Optional<PaymentProcess> lockByTxid(long txid);

    List<PaymentProcess> findByDebtorIdOrderByTxidDesc(long debtorId);

    /** The process a provider's notification is about, locked for its bookings. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PaymentProcess p where p.providerReference = :reference")
    List<PaymentProcess> lockByProviderReference(String reference);

    @Query(value = "select nextval(txid_seq)", nativeQuery = true)
    long nextTxid();
}
