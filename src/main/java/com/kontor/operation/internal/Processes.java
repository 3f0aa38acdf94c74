package com.kontor.operation.internal;

import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.LockedProcess;
import com.kontor.money.Currencies;
import com.kontor.money.Money;
import com.kontor.operation.PaymentRefused;
import com.kontor.psp.PaymentProvider;
import com.kontor.psp.ProviderCall;
import com.kontor.psp.ProviderDirectory;
import com.kontor.psp.ProviderGateway;
import com.kontor.psp.ProviderOperation;
import com.kontor.psp.ProviderRequest;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.OperationRefused;
import org.springframework.stereotype.Component;

/** What every money operation on an existing process does first: find and lock it, and ask its provider. */
@Component
public class Processes {

    private final Ledger ledger;
    private final ProviderDirectory providers;
    private final ProviderGateway gateway;
    private final CurrentTenancy currentTenancy;

    public Processes(
            Ledger ledger, ProviderDirectory providers, ProviderGateway gateway, CurrentTenancy currentTenancy) {
        this.ledger = ledger;
        this.providers = providers;
        this.gateway = gateway;
        this.currentTenancy = currentTenancy;
    }

    /** Locks the process of the current merchant and mode, or refuses with NOT_FOUND. */
    public LockedProcess lock(long txid, BookingSource source) {
        return ledger.lock(txid, source).orElseThrow(() -> notFound(txid));
    }

    /** The provider of the process, refused before anything is reserved when there is none in this mode. */
    public PaymentProvider providerOf(LockedProcess process) {
        return providers
                .byName(currentTenancy.requirePartition(), process.provider())
                .orElseThrow(() -> new PaymentRefused(
                        PaymentRefused.Code.PROVIDER_NOT_CONFIGURED,
                        "No payment provider is configured for process " + process.txid() + " in this mode."));
    }

    /**
     * Asks the process's provider for an operation on {@code amount} under the process's lock (a capture); the answer
     * comes with its log entries. The idempotency key is derived from the operation and the process's version under
     * the lock ({@code <txid>-capture-v<version>}): when the transaction is tried again after a conflict, the same
     * call carries the same key, and the provider executes it once (PLAT-6).
     */
    public ProviderCall ask(LockedProcess process, ProviderOperation operation, long amount) {
        return gateway.call(
                providerOf(process),
                operation,
                request(process, amount, process.txid() + "-" + operation.logName() + "-v" + process.version()));
    }

    /** A request about an existing process with the idempotency key its operation derived (PLAT-6). */
    public static ProviderRequest request(LockedProcess process, long amount, String idempotencyKey) {
        return new ProviderRequest(
                idempotencyKey,
                process.txid(),
                process.reference(),
                process.method(),
                amount,
                process.currency().getCurrencyCode(),
                process.providerReference(),
                null,
                null,
                null);
    }

    public static PaymentRefused notFound(long txid) {
        return new PaymentRefused(
                PaymentRefused.Code.NOT_FOUND, "No payment process " + txid + " for this key's merchant and mode.");
    }

    /** Every amount keeps API.md's range: 1 to 99,999,999,999 minor units. */
    public static void requireAmountInRange(Money amount) {
        if (!Currencies.inRange(amount.minor())) {
            throw OperationRefused.onField("amount.value", "payment.amountRange");
        }
    }

    /**
     * A dialog's operation runs on the process as the dialog showed it: when it changed since (the same dialog sent
     * twice, a second tab, a colleague), the operation is refused and the dialog shows the process anew.
     */
    public static void requireVersion(LockedProcess process, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != process.version()) {
            throw OperationRefused.because("operation.stale");
        }
    }

    /** Refunds and payouts never exceed collected − refunded − reserved (TX-9, OPS-2). */
    public static void requireRefundable(LockedProcess process, long amount) {
        if (amount > process.refundable()) {
            throw new PaymentRefused(
                    PaymentRefused.Code.AMOUNT_EXCEEDS_LIMIT,
                    "At most " + process.money(Math.max(0, process.refundable())) + " can be refunded (collected "
                            + process.money(process.collected()) + ", refunded " + process.money(process.refunded())
                            + ", reserved " + process.money(process.reserved()) + ").");
        }
    }

    public static void requireSameCurrency(LockedProcess process, Money amount) {
        if (!amount.currency().equals(process.currency())) {
            throw OperationRefused.onField(
                    "amount.currency",
                    "payment.currencyMismatch",
                    process.currency().getCurrencyCode());
        }
    }
}
