package com.kontor.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record for the audit log. {@code details} holds what changed, e.g. {@code roles: {old: [...], new: [...]}};
 * never a password, secret or full IBAN.
 */
public record AuditEntry(
        Long merchantId,
        String mode,
        Actor actor,
        AuditEventType type,
        Long debtorNumber,
        Long txid,
        String comment,
        Map<String, Object> details) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
        details = details == null ? Map.of() : new LinkedHashMap<>(details);
    }

    public static AuditEntry of(Long merchantId, Actor actor, AuditEventType type) {
        return new AuditEntry(merchantId, null, actor, type, null, null, null, Map.of());
    }

    public AuditEntry withDetail(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new AuditEntry(merchantId, mode, actor, type, debtorNumber, txid, comment, more);
    }

    /** A change of one value, as {@code {old, new}}. */
    public AuditEntry withChange(String key, Object oldValue, Object newValue) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("old", oldValue);
        change.put("new", newValue);
        return withDetail(key, change);
    }
}
