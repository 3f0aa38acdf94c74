package com.kontor.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The VAT of a document's lines per rate, from gross prices: net = gross × 100 / (100 + rate) rounded half up to minor
 * units per rate (not per line, so the rate's net does not drift by line count), VAT = gross − net.
 */
public record VatSummary(List<Rate> rates, long netMinor, long vatMinor, long grossMinor) {

    /** One rate's sums in minor units. */
    public record Rate(BigDecimal percent, long netMinor, long vatMinor, long grossMinor) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public VatSummary {
        rates = List.copyOf(rates);
    }

    /** Sums the lines per VAT rate, the highest rate first (as German invoices list them). */
    public static VatSummary of(List<DocumentLine> lines) {
        Map<BigDecimal, Long> grossPerRate = new TreeMap<>(Comparator.reverseOrder());
        for (DocumentLine line : lines) {
            grossPerRate.merge(line.vatPercent().stripTrailingZeros(), line.grossMinor(), Math::addExact);
        }
        List<Rate> rates = grossPerRate.entrySet().stream()
                .map(e -> rate(e.getKey(), e.getValue()))
                .toList();
        long net = rates.stream().mapToLong(Rate::netMinor).sum();
        long vat = rates.stream().mapToLong(Rate::vatMinor).sum();
        long gross = rates.stream().mapToLong(Rate::grossMinor).reduce(0, Math::addExact);
        return new VatSummary(rates, net, vat, gross);
    }

    private static Rate rate(BigDecimal percent, long grossMinor) {
        long net = BigDecimal.valueOf(grossMinor)
                .multiply(HUNDRED)
                .divide(HUNDRED.add(percent), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return new Rate(percent, net, grossMinor - net, grossMinor);
    }
}
