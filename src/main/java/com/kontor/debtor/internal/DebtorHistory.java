package com.kontor.debtor.internal;

import com.kontor.audit.Actor;
import com.kontor.db.IdBlocks;
import com.kontor.db.MultiRowInsert;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a debtor's history ({@code debtor_change}, DEB-5: who, when, old and new value of each changed field) in the
 * caller's transaction, all fields of one change in one statement (a new debtor has about ten). {@link DebtorChange}
 * reads them back. Each row's id comes from {@code debtor_change_seq}'s blocks ({@link IdBlocks}), in the order of the rows.
 */
@Component
public class DebtorHistory {

    /** One changed field. */
    public record Change(String field, String oldValue, String newValue) {}

    private final JdbcTemplate jdbc;
    private final IdBlocks ids;

    public DebtorHistory(JdbcTemplate jdbc, IdBlocks ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public void record(String partitionKey, long debtorId, Instant at, Actor actor, List<Change> changes) {
        LocalDateTime changedAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        for (Change change : changes) {
            rows.add(new Object[] {
                ids.next("debtor_change_seq"),
                partitionKey,
                debtorId,
                changedAt,
                actor.type().name(),
                actor.id(),
                actor.name(),
                change.field(),
                change.oldValue(),
                change.newValue()
            });
        }
        MultiRowInsert.insert(
                jdbc,
                "insert into debtor_change (id, partition_key, debtor_id, changed_at, actor_type,"
                        + " actor_id, actor_name, field, old_value, new_value) values ",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }
}
