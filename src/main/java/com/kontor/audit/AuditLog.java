package com.kontor.audit;

import com.kontor.audit.internal.AuditEvent;
import com.kontor.audit.internal.AuditEventRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log (AUD-1). A record joins the caller's transaction: a change that rolls back leaves no
 * record, and a change never commits without its record. The database refuses updates and deletes (triggers).
 */
@Service
public class AuditLog {

    private final AuditEventRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(AuditEventRepository repository, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry entry) {
        String details = entry.details().isEmpty() ? null : json.writeValueAsString(entry.details());
        repository.save(new AuditEvent(entry.merchantId(), entry.mode(), Instant.now(clock), entry.actor().type(),
                entry.actor().id(), entry.actor().name(), entry.type(), entry.debtorNumber(), entry.txid(),
                entry.comment(), details));
    }

    /** A page of the current merchant's records, newest first (the merchant filter applies; no count query). */
    @Transactional(readOnly = true)
    public List<AuditRecord> newest(int offset, int limit) {
        return repository.findByOrderByOccurredAtDescIdDesc(PageRequest.of(offset / limit, limit)).stream()
                .map(event -> event.toRecord(this::describe)).toList();
    }

    /** A page of the current merchant's records about one debtor (and its processes), newest first (AUD-2). */
    @Transactional(readOnly = true)
    public List<AuditRecord> newestOfDebtor(long debtorNumber, int offset, int limit) {
        return repository.findByDebtorNumberOrderByOccurredAtDescIdDesc(debtorNumber,
                PageRequest.of(offset / limit, limit)).stream().map(event -> event.toRecord(this::describe)).toList();
    }

    /** Stored details as a person reads them: {@code key: old → new} for changes, {@code key: value} otherwise. */
    String describe(String detailsJson) {
        JsonNode root = json.readTree(detailsJson);
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject() && value.has("old") && value.has("new")) {
                parts.add(field.getKey() + ": " + text(value.get("old")) + " \u2192 " + text(value.get("new")));
            } else {
                parts.add(field.getKey() + ": " + text(value));
            }
        }
        return String.join("; ", parts);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "\u2013";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return String.join(", ", items);
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}
