package com.kontor.operation.internal;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.debtor.DebtorService;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.Partition;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Records a money operation in the audit log (AUD-1) with the debtor number and TXID of its process. */
@Component
public class OperationAudit {

    private final AuditLog auditLog;
    private final DebtorService debtors;
    private final CurrentTenancy currentTenancy;

    public OperationAudit(AuditLog auditLog, DebtorService debtors, CurrentTenancy currentTenancy) {
        this.auditLog = auditLog;
        this.debtors = debtors;
        this.currentTenancy = currentTenancy;
    }

    /** {@code debtorId} may be null (a refused payment of an unknown customer). */
    public void record(Actor actor, AuditEventType type, Long debtorId, long txid, Map<String, Object> details) {
        recordWithNumber(
                actor,
                type,
                debtorId == null ? null : debtors.debtorNumber(debtorId).orElse(null),
                txid,
                details);
    }

    /** For a caller that knows the debtor number already. */
    public void recordWithNumber(
            Actor actor, AuditEventType type, Long debtorNumber, long txid, Map<String, Object> details) {
        Partition partition = currentTenancy.requirePartition();
        auditLog.record(new AuditEntry(
                partition.merchantId(), partition.mode().name(), actor, type, debtorNumber, txid, null, details));
    }
}
