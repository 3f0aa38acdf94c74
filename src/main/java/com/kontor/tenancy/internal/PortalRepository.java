package com.kontor.tenancy.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PortalRepository extends JpaRepository<Portal, Long> {
    /** Filtered to the current merchant (merchantScope), or all merchants' portals in platform scope. */
    List<Portal> findAllByOrderByNameAsc();

    boolean existsByMerchantIdAndNameIgnoreCase(long merchantId, String name);
}
