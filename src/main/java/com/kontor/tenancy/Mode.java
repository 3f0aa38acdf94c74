package com.kontor.tenancy;

import java.util.Locale;
import java.util.Optional;

/** Live and test: two fully separate sets of data per merchant (ACC-3). */
public enum Mode {
    LIVE,
    TEST;

    /**
     * Route prefix of every mode-scoped view: the mode is part of the URL, so a shared link opens in the right
     * mode and a tab left open in one mode can never write into the other.
     */
    public static final String ROUTE_PREFIX = ":mode(live|test)/";

    public static final String ROUTE_PARAMETER = "mode";

    public String urlSegment() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Mode> fromUrlSegment(String segment) {
        if ("live".equals(segment)) {
            return Optional.of(LIVE);
        }
        if ("test".equals(segment)) {
            return Optional.of(TEST);
        }
        return Optional.empty();
    }
}
