package com.kontor.payment.provider;

/** A provider's answer: its outcome, its reference for the process and transaction, and why when not approved. */
public record ProviderAnswer(Outcome outcome, String providerReference, String providerTxn, String errorCode,
                             String errorMessage) {

    public enum Outcome { APPROVED, DECLINED, PENDING, ERROR }

    public static ProviderAnswer approved(String providerReference, String providerTxn) {
        return new ProviderAnswer(Outcome.APPROVED, providerReference, providerTxn, null, null);
    }

    public static ProviderAnswer pending(String providerReference, String providerTxn) {
        return new ProviderAnswer(Outcome.PENDING, providerReference, providerTxn, null, null);
    }

    public static ProviderAnswer declined(String providerReference, String code, String message) {
        return new ProviderAnswer(Outcome.DECLINED, providerReference, null, code, message);
    }

    public static ProviderAnswer error(String providerReference, String code, String message) {
        return new ProviderAnswer(Outcome.ERROR, providerReference, null, code, message);
    }
}
