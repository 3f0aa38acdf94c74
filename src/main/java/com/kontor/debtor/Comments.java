package com.kontor.debtor;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.text.FreeText;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on a debtor or one of its processes (AUD-4): a person's note, kept in the audit log with the debtor
 * number and, for a process, its TXID. Written by SUPPORT, FINANCE, APPROVER and ADMIN; an AUDITOR only reads.
 */
@Service
public class Comments {

    public static final int MAX_LENGTH = 1000;

    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final CurrentTenancy currentTenancy;

    public Comments(AuditLog auditLog, CurrentUser currentUser, CurrentTenancy currentTenancy) {
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.currentTenancy = currentTenancy;
    }

    /** Adds a comment; {@code txid} null for one on the debtor as a whole. The caller checked both exist. */
    @Transactional
    public void add(long debtorNumber, Long txid, String text) {
        KontorUser user = currentUser.require();
        if (!user.hasRole(Role.SUPPORT)
                && !user.hasRole(Role.FINANCE)
                && !user.hasRole(Role.APPROVER)
                && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Comments are written by SUPPORT, FINANCE, APPROVER and ADMIN");
        }
        String comment = text == null ? "" : text.strip();
        if (comment.isEmpty() || comment.length() > MAX_LENGTH) {
            throw OperationRefused.onField("comment", "comment.invalid", MAX_LENGTH);
        }
        FreeText.Problem problem = FreeText.problem(comment, true);
        if (problem != null) {
            throw OperationRefused.onField("comment", problem.messageKey());
        }
        Partition partition = currentTenancy.requirePartition();
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                user.asActor(),
                AuditEventType.COMMENT_ADDED,
                debtorNumber,
                txid,
                comment,
                null));
    }
}
