package com.kontor.operation.internal;

import com.kontor.audit.Actor;
import com.kontor.ledger.LockedProcess;
import com.kontor.money.Money;
import com.kontor.tenancy.ApprovalLimits;
import com.kontor.tenancy.SettingsSnapshot;
import java.time.Instant;
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

    public FourEyes(ApprovalRequestRepository approvals, ApprovalLimits limits) {
        this.approvals = approvals;
        this.limits = limits;
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
