package com.kontor.dunning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dunning procedure breaks one or more rules (DUN-1); nothing was saved. Carries every offending field with the
 * message key that says why, so the view shows each message next to its field. Field names: {@code levels},
 * {@code levels.<n>.days|fee|channel}, {@code levels.<n>.<language>.letter|emailSubject|emailBody},
 * {@code collectionDays}, {@code tolerance}, {@code currency}, {@code interest.baseRate},
 * {@code interest.consumerSurcharge}, {@code interest.businessSurcharge}, {@code interest.flatFee}.
 */
public class DunningProcedureInvalid extends RuntimeException {

    private final transient Map<String, String> errors;

    public DunningProcedureInvalid(Map<String, String> errors) {
        super("Invalid dunning procedure: " + errors);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** Field name to message key. */
    public Map<String, String> errors() {
        return errors;
    }
}
