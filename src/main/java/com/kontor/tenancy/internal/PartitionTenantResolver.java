package com.kontor.tenancy.internal;

import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.Partition;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives Hibernate the partition of every new session. Entities of merchant+mode scope carry
 * {@code @TenantId partition_key}, so Hibernate adds {@code partition_key = ?} to every query and load by id, and
 * writes it on every insert. Native SQL is not filtered: a native query must add the partition itself.
 */
@Component
class PartitionTenantResolver implements CurrentTenantIdentifierResolver<String>, HibernatePropertiesCustomizer {

    /** Matches no row (the column holds '<merchant>:<MODE>' only): work without a partition sees nothing. */
    static final String NO_PARTITION = "none";

    private final CurrentTenancy currentTenancy;

    PartitionTenantResolver(CurrentTenancy currentTenancy) {
        this.currentTenancy = currentTenancy;
    }

    @Override
    public String resolveCurrentTenantIdentifier() {
        return currentTenancy.partition().map(Partition::key).orElse(NO_PARTITION);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        // Spring Boot does not wire a tenant identifier resolver by itself.
        hibernateProperties.put(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
    }
}
