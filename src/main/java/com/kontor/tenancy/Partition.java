package com.kontor.tenancy;

import java.util.Objects;

/**
 * One merchant's data in one mode: the unit that every merchant+mode-scoped row belongs to. Its key is what the
 * {@code partition_key} column holds and what Hibernate's {@code @TenantId} filters every query on.
 */
public record Partition(long merchantId, Mode mode) {

    public Partition {
        Objects.requireNonNull(mode, "mode");
        if (merchantId <= 0) {
            throw new IllegalArgumentException("merchantId must be positive");
        }
    }

    public String key() {
        return merchantId + ":" + mode.name();
    }

    public static Partition ofKey(String key) {
        int colon = key.indexOf(':');
        return new Partition(Long.parseLong(key.substring(0, colon)), Mode.valueOf(key.substring(colon + 1)));
    }
}
