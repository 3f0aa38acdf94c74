package com.kontor.blacklist;

import java.util.Locale;

/** What can be blacklisted (BL-1), each with its normal form for matching (API.md: emails trimmed and compared
 * case-insensitively; IBANs without spaces, case-insensitively; card tokens as the provider gave them). */
public enum BlacklistKind {
    EMAIL("email", "email"),
    IBAN("iban", "iban"),
    CARD_TOKEN("card-token", "cardToken");

    private final String fingerprintKind;
    private final String fieldName;

    BlacklistKind(String fingerprintKind, String fieldName) {
        this.fingerprintKind = fingerprintKind;
        this.fieldName = fieldName;
    }

    /** The value's field in the API's blacklist check (API.md). */
    public String fieldName() {
        return fieldName;
    }

    /** The kind under which values of this sort are fingerprinted everywhere (debtor data too). */
    public String fingerprintKind() {
        return fingerprintKind;
    }

    public String normalise(String value) {
        if (value == null) {
            return "";
        }
        return switch (this) {
            case EMAIL -> value.strip().toLowerCase(Locale.ROOT);
            case IBAN -> value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            case CARD_TOKEN -> value.strip();
        };
    }

    /** The display form: never the full value (BL-2). */
    public String mask(String normalised) {
        return switch (this) {
            case EMAIL -> {
                int at = normalised.indexOf('@');
                yield at <= 1
                        ? "***" + normalised.substring(Math.max(at, 0))
                        : normalised.charAt(0) + "***" + normalised.substring(at);
            }
            case IBAN, CARD_TOKEN ->
                normalised.length() <= 8
                        ? "****"
                        : normalised.substring(0, 4) + "…" + normalised.substring(normalised.length() - 4);
        };
    }
}
