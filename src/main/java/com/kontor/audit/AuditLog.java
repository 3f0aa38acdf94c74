package com.kontor.audit;

import com.kontor.audit.internal.AuditEvent;
import com.kontor.audit.internal.AuditEventRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log (AUD-1). A record joins the caller's transaction: a change that rolls back leaves no
 * record, and a change never commits without its record. The database refuses updates and deletes (triggers), and
 * {@link AuditChain} seals every record into its merchant's keyed chain (AUD-3).
 *
 * <p>Reading (AUD-2) is always the current merchant's records ({@link AuditScope}) of the view's mode plus those of
 * no mode, newest first, in plain SQL on indexes that lead with the merchant: a page for the grid, or every
 * filtered row in chunks for the CSV export, so neither holds the whole result.
 */
@Service
public class AuditLog {

    static final String READERS = "hasAnyRole('SUPPORT', 'FINANCE', 'APPROVER', 'AUDITOR', 'ADMIN')";
    private static final int EXPORT_CHUNK = 1000;
    private static final String COLUMNS = "select id, occurred_at, actor_type, actor_name, event_type, debtor_number,"
            + " txid, comment, details from audit_event";

    private final AuditEventRepository repository;
    private final JdbcTemplate jdbc;
    private final AuditScope scope;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(
            AuditEventRepository repository, JdbcTemplate jdbc, AuditScope scope, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.scope = scope;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry entry) {
        String details = entry.details().isEmpty() ? null : json.writeValueAsString(entry.details());
        repository.save(new AuditEvent(
                entry.merchantId(),
                entry.mode(),
                Instant.now(clock),
                entry.actor().type(),
                entry.actor().id(),
                entry.actor().name(),
                entry.type(),
                entry.debtorNumber(),
                entry.txid(),
                entry.comment(),
                details));
    }

    /** One page of the filtered records, newest first (the grid pages lazily; no count query). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<AuditRecord> page(AuditFilter filter, int offset, int limit) {
        Where where = where(filter);
        where.parameters().add(limit);
        where.parameters().add(offset);
        return jdbc.query(
                COLUMNS + where.sql() + " order by occurred_at desc, id desc limit ? offset ?",
                this::toRecord,
                where.parameters().toArray());
    }

    /**
     * Every filtered record, newest first, handed to {@code sink} one by one (AUD-2 export). Reads chunks by key
     * (time, id), each a short query, so an export of many records neither holds them nor a long transaction.
     */
    @PreAuthorize(READERS)
    public long forEach(AuditFilter filter, Consumer<AuditRecord> sink) {
        long written = 0;
        AuditRecord last = null;
        while (true) {
            Where where = where(filter);
            String after = "";
            if (last != null) {
                after = " and (occurred_at < ? or (occurred_at = ? and id < ?))";
                LocalDateTime at = utc(last.occurredAt());
                where.parameters().add(at);
                where.parameters().add(at);
                where.parameters().add(last.id());
            }
            List<AuditRecord> chunk = jdbc.query(
                    COLUMNS + where.sql() + after + " order by occurred_at desc, id desc limit " + EXPORT_CHUNK,
                    this::toRecord,
                    where.parameters().toArray());
            chunk.forEach(sink);
            written += chunk.size();
            if (chunk.size() < EXPORT_CHUNK) {
                return written;
            }
            last = chunk.getLast();
        }
    }

    private record Where(String sql, List<Object> parameters) {}

    private Where where(AuditFilter filter) {
        filter.validate();
        long merchantId = scope.merchantId().orElseThrow(() -> new AccessDeniedException("No merchant"));
        StringBuilder sql = new StringBuilder(" where merchant_id = ? and (mode = ? or mode is null)");
        List<Object> parameters = new ArrayList<>(List.of(merchantId, filter.mode()));
        for (AuditFilter.Criterion criterion : filter.criteria()) {
            switch (criterion.field()) {
                case USER -> sql.append(" and actor_name like ? escape '!'");
                case EVENT_TYPE -> sql.append(" and event_type = ?");
                case DEBTOR_NUMBER -> sql.append(" and debtor_number = ?");
                case TXID -> sql.append(" and txid = ?");
                case COMMENT -> sql.append(" and comment like ? escape '!'");
                case DETAILS -> sql.append(" and details like ? escape '!'");
            }
            parameters.add(
                    switch (criterion.field()) {
                        case DEBTOR_NUMBER, TXID -> Long.valueOf(criterion.value());
                        case EVENT_TYPE -> criterion.value();
                        default -> "%" + criterion.value().replaceAll("[!%_]", "!$0") + "%";
                    });
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            parameters.add(utc(filter.from().atStartOfDay(filter.zone()).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            parameters.add(
                    utc(filter.to().plusDays(1).atStartOfDay(filter.zone()).toInstant()));
        }
        return new Where(sql.toString(), parameters);
    }

    /** Stored times are UTC (hibernate.jdbc.time_zone); read and compare them as such, whatever the JVM's zone. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private AuditRecord toRecord(ResultSet rs, int row) throws SQLException {
        String details = rs.getString("details");
        return new AuditRecord(
                rs.getLong("id"),
                rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                ActorType.valueOf(rs.getString("actor_type")),
                rs.getString("actor_name"),
                AuditEventType.valueOf(rs.getString("event_type")),
                rs.getObject("debtor_number", Long.class),
                rs.getObject("txid", Long.class),
                rs.getString("comment"),
                details,
                details == null ? "" : describe(details));
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
