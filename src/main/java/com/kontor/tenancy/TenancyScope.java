package com.kontor.tenancy;

import java.util.function.Supplier;

/**
 * An explicit partition for work that has no logged-in person and no view: the API (from its key), a provider
 * notification (from its key), a job (an explicit loop over partitions), tests. Whatever runs inside sees exactly
 * this merchant and mode.
 */
public final class TenancyScope {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    record Scope(long merchantId, Partition partition) {}

    private TenancyScope() {}

    public static <T> T inPartition(Partition partition, Supplier<T> work) {
        return within(new Scope(partition.merchantId(), partition), work);
    }

    public static void inPartition(Partition partition, Runnable work) {
        inPartition(partition, () -> {
            work.run();
            return null;
        });
    }

    /** Merchant scope without a mode (users, portals, settings). */
    public static <T> T forMerchant(long merchantId, Supplier<T> work) {
        return within(new Scope(merchantId, null), work);
    }

    static Scope current() {
        return CURRENT.get();
    }

    /** Whether trusted code (API after key check, job, Kontor itself) has set the partition explicitly. */
    public static boolean isExplicit() {
        return CURRENT.get() != null;
    }

    private static <T> T within(Scope scope, Supplier<T> work) {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
