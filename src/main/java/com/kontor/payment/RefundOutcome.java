package com.kontor.payment;

/** A refund either done (the process afterwards) or waiting for a second person's approval (OPS-6). */
public sealed interface RefundOutcome {

    record Done(PaymentView process) implements RefundOutcome {}

    record PendingApproval(long approvalId, com.kontor.money.Money amount, long txid) implements RefundOutcome {}
}
