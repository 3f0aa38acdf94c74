package com.kontor.debtor.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DebtorRepository extends JpaRepository<Debtor, Long> {

    /** Partition-filtered by Hibernate (@TenantId). */
    List<Debtor> findAllBy(Pageable pageable);

    Optional<Debtor> findByDebtorNumber(long debtorNumber);

    /** The merchant's customer number, case-sensitive (binary collation), within the current partition. */
    Optional<Debtor> findByCustomerId(String customerId);

    /**
     * {@link #findByCustomerId} in native SQL, for the payment path: Hibernate translates a query anew on every call
     * while the partition filter is on, native SQL it takes as it is.
     */
    @Query(
            value = "select * from debtor where partition_key = :partitionKey and customer_id = :customerId",
            nativeQuery = true)
    Optional<Debtor> findInPartitionByCustomerId(String partitionKey, String customerId);

    /** As {@link #findInPartitionByCustomerId}, the row locked until the transaction ends (the latest version). */
    @Query(
            value = "select * from debtor where partition_key = :partitionKey and customer_id = :customerId"
                    + " for update",
            nativeQuery = true)
    Optional<Debtor> lockInPartitionByCustomerId(String partitionKey, String customerId);

    /**
     * Native SQL is NOT filtered by Hibernate: the partition is a parameter, and callers pass the current one.
     * Every native query on a merchant+mode table must do the same.
     */
    @Query(value = "select count(*) from debtor where partition_key = :partitionKey", nativeQuery = true)
    long countInPartition(String partitionKey);

    @Query(value = "select nextval(debtor_number_seq)", nativeQuery = true)
    long nextDebtorNumber();
}
