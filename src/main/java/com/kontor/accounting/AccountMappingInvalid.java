package com.kontor.accounting;

import java.util.Map;

/** An account mapping refused: the message key per field (field name as in {@link AccountMapping#asMap()}). */
public class AccountMappingInvalid extends RuntimeException {

    private final transient Map<String, String> errors;

    public AccountMappingInvalid(Map<String, String> errors) {
        super("Account mapping refused: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
