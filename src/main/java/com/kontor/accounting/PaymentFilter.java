package com.kontor.accounting;

import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.tenancy.OperationRefused;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * The filter of the payments list (TX-7). The date range is required, both ends included, in the merchant's time
 * zone; everything else is optional (null or empty: any). Amounts are minor units and compared with the amount
 * without its sign, so "10 to 50" finds a payment of 20 and a refund of 20 alike.
 */
public record PaymentFilter(
        LocalDate from,
        LocalDate to,
        Long portalId,
        String provider,
        PaymentMethod method,
        Set<PaymentKind> kinds,
        Long minAmount,
        Long maxAmount,
        ProcessStatus status) {

    /**
     * The longest range one query may span: a quarter. The pages stay fast over a year (docs/benchmarks.md), but the
     * sums aggregate every filtered booking: 1.3 s for a month of the 1,000,000-process fill, 30 s for a year.
     */
    public static final int MAX_DAYS = 93;

    public PaymentFilter {
        kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(PaymentKind.class) : EnumSet.copyOf(kinds);
        provider = provider == null || provider.isBlank() ? null : provider.strip();
    }

    /** The current month: the list's first filter. */
    public static PaymentFilter month(LocalDate today) {
        return new PaymentFilter(
                today.withDayOfMonth(1),
                today.withDayOfMonth(today.lengthOfMonth()),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public PaymentFilter withKinds(Set<PaymentKind> chosen) {
        return new PaymentFilter(from, to, portalId, provider, method, chosen, minAmount, maxAmount, status);
    }

    public PaymentFilter withAmounts(Long min, Long max) {
        return new PaymentFilter(from, to, portalId, provider, method, kinds, min, max, status);
    }

    /** Refuses a filter that cannot be run, naming the field to blame ({@code from}, {@code to}, {@code minAmount}, ...). */
    public void validate() {
        if (from == null) {
            throw OperationRefused.onField("from", "payments.error.fromRequired");
        }
        if (to == null) {
            throw OperationRefused.onField("to", "payments.error.toRequired");
        }
        if (to.isBefore(from)) {
            throw OperationRefused.onField("to", "payments.error.toBeforeFrom");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw OperationRefused.onField("to", "payments.error.rangeTooLong", MAX_DAYS);
        }
        if (minAmount != null && minAmount < 0) {
            throw OperationRefused.onField("minAmount", "payments.error.negativeAmount");
        }
        if (maxAmount != null && maxAmount < 0) {
            throw OperationRefused.onField("maxAmount", "payments.error.negativeAmount");
        }
        if (minAmount != null && maxAmount != null && maxAmount < minAmount) {
            throw OperationRefused.onField("maxAmount", "payments.error.maxBelowMin");
        }
        if (provider != null && !provider.matches("[A-Za-z0-9_-]{1,20}")) {
            throw OperationRefused.onField("provider", "payments.error.provider");
        }
    }

    /** The filter as the audit record's details name it. */
    String describe() {
        return "from=" + from + ", to=" + to
                + (portalId == null ? "" : ", portal=" + portalId)
                + (provider == null ? "" : ", provider=" + provider)
                + (method == null ? "" : ", method=" + method)
                + (kinds.size() == PaymentKind.values().length ? "" : ", kinds=" + kinds)
                + (minAmount == null ? "" : ", minAmount=" + minAmount)
                + (maxAmount == null ? "" : ", maxAmount=" + maxAmount)
                + (status == null ? "" : ", status=" + status);
    }
}
