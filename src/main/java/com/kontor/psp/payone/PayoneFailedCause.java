package com.kontor.psp.payone;

import java.util.Locale;
import java.util.Map;

/** PAYONE's {@code failedcause} codes, shown as the process's error reason. */
final class PayoneFailedCause {

    private static final Map<String, String> CAUSES = Map.of(
            "soc", "Insufficient funds",
            "cka", "Account expired",
            "uan", "Account no. / name not identical, incorrect or savings account",
            "ndd", "No direct debit",
            "rcl", "Recall",
            "obj", "Objection",
            "ret", "Returns",
            "nelv", "Debit cannot be collected",
            "cb", "Credit card chargeback",
            "ncc", "Credit card cannot be collected");

    private PayoneFailedCause() {}

    static String describe(String cause) {
        String key = cause.toLowerCase(Locale.ROOT);
        return CAUSES.getOrDefault(key, "Failed (" + key + ")");
    }
}
