package com.kontor.api.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

    /** The current partition's keys (Hibernate filters by partition). */
    List<ApiKey> findAllByOrderByCreatedAtDesc();

    /**
     * The one lookup across partitions, on purpose: the key decides the merchant and mode of an API request, so it
     * cannot be looked up within one. Native SQL, hence not partition-filtered.
     */
    @Query(
            value = "select id as id, partition_key as partitionKey, portal_id as portalId, name as name"
                    + " from api_key where key_hash = :hash and revoked_at is null",
            nativeQuery = true)
    Optional<ActiveKey> findActiveByHash(String hash);

    interface ActiveKey {
        Long getId();

        String getPartitionKey();

        Long getPortalId();

        String getName();
    }
}
