package com.kontor.psp.internal;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review list of notifications (PSP-3) for ADMIN and FINANCE of the current merchant and mode: those stored for
 * review (other mode, unknown process, refused by a ledger rule) and those that waited too long. A person books one
 * again (after the process was put right) or dismisses it with a note; both are audited.
 */
@Service
public class NotificationReview {

    private final JdbcTemplate jdbc;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final Clock clock;

    public NotificationReview(
            JdbcTemplate jdbc, CurrentTenancy currentTenancy, CurrentUser currentUser, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ReviewItem> list() {
        requireReviewer();
        // native SQL names the partition itself (Hibernate's filter does not apply to JdbcTemplate)
        return jdbc.query(
                """
                select id, received_at, format, event, provider_reference, sequence_number, amount, currency, txid, reason
                from provider_notification where partition_key = ? and state = 'REVIEW' order by id desc limit 1000""",
                (rs, i) -> new ReviewItem(
                        rs.getLong("id"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("format"),
                        rs.getString("event"),
                        rs.getString("provider_reference"),
                        (Integer) rs.getObject("sequence_number", Integer.class),
                        (Long) rs.getObject("amount", Long.class),
                        rs.getString("currency"),
                        (Long) rs.getObject("txid", Long.class),
                        rs.getString("reason")),
                currentTenancy.requirePartition().key());
    }

    /** Books it again: the job takes it up at once. */
    @Transactional
    public void retry(long id) {
        change(id, "RECEIVED", "retried");
    }

    /** Takes it off the list without booking; the note says why. */
    @Transactional
    public void dismiss(long id, String note) {
        if (note == null || note.isBlank() || note.length() > 200) {
            throw OperationRefused.onField("note", "review.noteRequired");
        }
        change(id, "IGNORED", "dismissed: " + note.strip());
    }

    private void change(long id, String state, String what) {
        KontorUser user = requireReviewer();
        Partition partition = currentTenancy.requirePartition();
        int changed = jdbc.update(
                "update provider_notification set state = ?, not_before = ?, reason = ?"
                        + " where id = ? and partition_key = ? and state = 'REVIEW'",
                state,
                Timestamp.from(Instant.now(clock)),
                what + " by " + user.email(),
                id,
                partition.key());
        if (changed == 0) {
            throw OperationRefused.because("review.notFound");
        }
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                user.asActor(),
                AuditEventType.NOTIFICATION_REVIEWED,
                null,
                null,
                null,
                java.util.Map.of("notification", id, "action", what)));
    }

    private KontorUser requireReviewer() {
        KontorUser user = currentUser.require();
        if (!user.isSystem() && !user.hasRole(Role.ADMIN) && !user.hasRole(Role.FINANCE)) {
            throw new AccessDeniedException("The review list is for ADMIN and FINANCE");
        }
        return user;
    }
}
