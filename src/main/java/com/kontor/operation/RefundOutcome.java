package com.kontor.operation;

import com.kontor.ledger.ProcessDetails;
import com.kontor.money.Money;

/** A refund either done (the process afterwards) or waiting for a second person's approval (OPS-6). */
public sealed interface RefundOutcome {

    record Done(ProcessDetails process) implements RefundOutcome {}

    record PendingApproval(long approvalId, Money amount, long txid) implements RefundOutcome {}
}
