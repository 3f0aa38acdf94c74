package com.kontor.operation.internal;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEventType;
import com.kontor.ledger.LockedProcess;
import com.kontor.money.Money;
import com.kontor.tenancy.ApprovalLimits;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.SettingsSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The four-eyes principle (OPS-6), a merchant option: refunds, credits and de-recognitions with flow of funds wait
 * as an approval request for a second person when the sum of the process's refunds (this one included, so splitting a
 * refund does not avoid it) exceeds the merchant's threshold, or when the amount exceeds the approval limit of the
 * person who asks (ACC-4). The shop's API and Kontor's jobs have no personal limit; the threshold holds for them too.
 */
@Component
public class FourEyes {

    private final ApprovalRequestRepository approvals;
    private final ApprovalLimits limits;
    private final MerchantDirectory merchants;
    private final OperationAudit audit;
    private final Clock clock;

    public FourEyes(
            ApprovalRequestRepository approvals,
            ApprovalLimits limits,
            MerchantDirectory merchants,
            OperationAudit audit,
            Clock clock) {
        this.approvals = approvals;
        this.limits = limits;
        this.merchants = merchants;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What waits for approval: the operation's kind ({@code REFUND}, {@code CREDIT}, {@code DERECOGNITION}), the
     * requester's reason or comment, what it does once approved (JSON, may be null) and what the audit record adds.
     */
    public record Hold(String kind, String note, String payload, Map<String, Object> auditDetails) {}

    /**
     * Holds a payout of {@code amount}, already reserved on the locked process, for a second person when the
     * merchant's threshold or the person's limit requires it: the request is recorded and audited. Answers the
     * request's id, or empty when the payout may go ahead now.
     */
    public Optional<Long> holdIfNeeded(LockedProcess process, long amount, Hold hold, Actor actor) {
        if (!needsApproval(merchants.requireCurrent().settings(), process, amount)) {
            return Optional.empty();
        }
        long approvalId = request(
                process,
                hold.kind(),
                amount,
                Instant.now(clock),
                actor,
                hold.note(),
                Optional.ofNullable(hold.payload()));
        Map<String, Object> details = new HashMap<>(hold.auditDetails());
        details.put("operation", hold.kind());
        details.put("amount", process.money(amount).toString());
        details.put("approvalId", approvalId);
        audit.record(
                actor,
                "REFUND".equals(hold.kind())
                        ? AuditEventType.REFUND_APPROVAL_REQUESTED
                        : AuditEventType.OPERATION_APPROVAL_REQUESTED,
                process.debtorId(),
                process.txid(),
                details);
        return Optional.of(approvalId);
    }

    /**
     * Whether a payout of {@code amount} needs a second person; call it after the amount is reserved, so that the
     * process's refunds requested include it.
     */
    public boolean needsApproval(SettingsSnapshot settings, LockedProcess process, long amount) {
        if (!settings.fourEyesEnabled()) {
            return false;
        }
        return above(settings.fourEyesThreshold(), process, process.refundsRequested())
                || limits.ofCurrentUser()
                        .map(limit -> above(limit, process, amount))
                        .orElse(false);
    }

    /** No conversion: an amount in another currency than the limit always gets a second look. */
    private static boolean above(Money limit, LockedProcess process, long amount) {
        return !limit.currency().equals(process.currency()) || amount > limit.minor();
    }

    /** Records the request; it waits as PENDING with who asked, why, and what it will do. */
    public long request(
            LockedProcess process,
            String kind,
            long amount,
            Instant at,
            Actor actor,
            String note,
            Optional<String> payload) {
        ApprovalRequest request = new ApprovalRequest(
                process.txid(),
                kind,
                amount,
                process.currency().getCurrencyCode(),
                at,
                actor.type(),
                actor.id(),
                actor.name());
        request.setNote(note);
        payload.ifPresent(request::setPayload);
        return approvals.save(request).getId();
    }
}
