package com.kontor.tenancy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a password must be (after NIST SP 800-63B): long rather than complicated. At least 12 and at most 128
 * characters, not built from the login name, not a single repeated character, not one of the passwords every
 * guesser tries first.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "password1234",
            "passwort1234",
            "123456789012",
            "qwertzuiop12",
            "qwertyuiop12",
            "iloveyou1234",
            "letmein12345",
            "administrator",
            "changeme1234",
            "welcome12345",
            "willkommen12",
            "sommer2026!!",
            "winter2026!!",
            "kontor123456");

    /** The message key of the first rule the password breaks, or empty when it is acceptable. */
    public Optional<String> violation(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (lower.contains(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
                return Optional.of("password.containsName");
            }
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("password.tooSimple");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }
}
