package com.kontor.psp;

import com.kontor.psp.simulator.SimulatedOutcome;

/**
 * A provider's answer: its outcome, its reference for the process and transaction, and why when not approved. The
 * simulator adds the outcome it will report later ({@code followUp}), which the caller hands on to the notification
 * path once its own transaction committed.
 */
public record ProviderAnswer(
        Outcome outcome,
        String providerReference,
        String providerTxn,
        String errorCode,
        String errorMessage,
        SimulatedOutcome followUp) {

    public ProviderAnswer(
            Outcome outcome, String providerReference, String providerTxn, String errorCode, String errorMessage) {
        this(outcome, providerReference, providerTxn, errorCode, errorMessage, null);
    }

    public ProviderAnswer withFollowUp(SimulatedOutcome next) {
        return new ProviderAnswer(outcome, providerReference, providerTxn, errorCode, errorMessage, next);
    }

    public enum Outcome {
        APPROVED,
        DECLINED,
        PENDING,
        ERROR
    }

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
