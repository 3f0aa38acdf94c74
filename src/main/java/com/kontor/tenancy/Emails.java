package com.kontor.tenancy;

import java.util.Locale;

/** Login names are emails, compared trimmed and in lower case. */
public final class Emails {

    private Emails() {}

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
