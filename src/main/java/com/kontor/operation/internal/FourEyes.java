package com.kontor.operation.internal;

import com.kontor.audit.Actor;
import com.kontor.ledger.LockedProcess;
import com.kontor.money.Money;
import com.kontor.tenancy.SettingsSnapshot;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The four-eyes principle (OPS-6): above the merchant's threshold a money operation waits as an approval request for
 * a second person. The threshold applies to the sum of a process's refunds, so splitting a refund does not avoid it.
 */
@Component
public class FourEyes {

    private final ApprovalRequestRepository approvals;

    public FourEyes(ApprovalRequestRepository approvals) {
        this.approvals = approvals;
    }

    /** Whether the refunds requested of the process (this one included) need a second person. */
    public boolean needsApproval(SettingsSnapshot settings, LockedProcess process) {
        if (!settings.fourEyesEnabled()) {
            return false;
        }
        Money threshold = settings.fourEyesThreshold();
        if (!threshold.currency().equals(process.currency())) {
            return true; // no conversion: a refund in another currency always gets a second look
        }
        return process.refundsRequested() > threshold.minor();
    }

    /** Records the request; it waits as PENDING with who asked. */
    public long request(LockedProcess process, String kind, long amount, Instant at, Actor actor) {
        return approvals
                .save(new ApprovalRequest(
                        process.txid(),
                        kind,
                        amount,
                        process.currency().getCurrencyCode(),
                        at,
                        actor.type(),
                        actor.id(),
                        actor.name()))
                .getId();
    }
}
