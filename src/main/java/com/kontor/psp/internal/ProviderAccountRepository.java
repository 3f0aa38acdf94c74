package com.kontor.psp.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProviderAccountRepository extends JpaRepository<ProviderAccount, Long> {

    /** Partition-filtered: the current merchant's accounts of the current mode. */
    List<ProviderAccount> findAllByOrderByPortalIdAsc();

    Optional<ProviderAccount> findByPortalId(long portalId);

    /**
     * A notification names its account before Kontor knows the partition: these look across partitions on purpose
     * (native SQL is not filtered), and the caller then works inside the account's partition only.
     */
    @Query(value = "select * from provider_account where payone_portal_id = :portalId", nativeQuery = true)
    Optional<ProviderAccount> findAnyByPayonePortalId(String portalId);

    @Query(value = "select * from provider_account where adyen_merchant_account = :account", nativeQuery = true)
    Optional<ProviderAccount> findAnyByAdyenMerchantAccount(String account);
}
