package com.kontor.tenancy.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface MerchantRepository extends JpaRepository<Merchant, Long> {
    List<Merchant> findAllByOrderByNameAsc();

    boolean existsByNameIgnoreCase(String name);

    /**
     * Locks the merchant row until the transaction ends: changes to the merchant's users run one after another,
     * so two admins cannot demote or lock each other at the same moment and leave no admin.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Merchant m where m.id = :id")
    Optional<Merchant> lockById(long id);
}
