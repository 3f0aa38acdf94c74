package com.kontor.psp;

import com.kontor.ledger.PaymentMethod;

/**
 * What Kontor asks a provider. {@code idempotencyKey} makes a retried request safe at the provider. The IBAN and
 * card token travel only here and never appear in {@link #toString()} or the provider log.
 */
public record ProviderRequest(
        String idempotencyKey,
        long txid,
        String reference,
        PaymentMethod method,
        long amount,
        String currency,
        String providerReference,
        String cardToken,
        String iban,
        String mandateReference) {

    @Override
    public String toString() {
        return "ProviderRequest[" + idempotencyKey + ", txid=" + txid + ", " + method + ", " + amount + " " + currency
                + ", providerReference=" + providerReference + "]";
    }
}
