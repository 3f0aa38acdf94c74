package com.kontor.psp.internal;

/**
 * One event a provider reported about a process, already authenticated and stored. {@code source} names the provider
 * (PAYONE, ADYEN, SIMULATOR) as the audit log shows it. PAYONE events carry cumulative {@code receivable} and
 * {@code balance} (minor units); Adyen events the amount of the operation. {@code operationReference} is the
 * provider's reference of the operation itself (Adyen's pspReference of a capture or refund), used to recognise what
 * Kontor already booked from the provider's answer.
 */
public record ProviderEvent(
        String source,
        String processReference,
        String event,
        boolean success,
        Integer sequenceNumber,
        Long amount,
        Long receivable,
        Long balance,
        String currency,
        String operationReference,
        String reason,
        Integer reminderLevel) {}
