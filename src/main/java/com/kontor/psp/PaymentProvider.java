package com.kontor.psp;

/**
 * One connector interface for payment providers (PSP-1). Implementations answer synchronously or with
 * {@link ProviderAnswer.Outcome#PENDING}, when the outcome follows as a notification; a transient failure is thrown
 * as {@link ProviderUnavailable} and retried by {@link ProviderGateway}, which also enforces the timeout.
 */
public interface PaymentProvider {

    /** The provider's name as stored on processes and in the provider log. */
    String name();

    ProviderAnswer preauthorise(ProviderRequest request);

    ProviderAnswer authorise(ProviderRequest request);

    ProviderAnswer capture(ProviderRequest request);

    ProviderAnswer refund(ProviderRequest request);

    ProviderAnswer debit(ProviderRequest request);

    /**
     * Voids an authorisation, preauthorisation or debit that Kontor never booked (its payment's transaction rolled
     * back after the provider answered): the request names the process and amount; its idempotency key is the
     * cancellation's own, derived from the call it voids (PLAT-6).
     */
    ProviderAnswer cancel(ProviderRequest request);

    /** A reference for a process that needs no call (an invoice), so every test-mode process has one. */
    String referenceFor(long txid);
}
