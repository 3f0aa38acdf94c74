package com.kontor.dunning;

/**
 * Default interest (German law, BGB 288): each switch on its own; rates in basis points (500 = 5 percentage
 * points), the flat fee for businesses (BGB 288 (5)) in minor units.
 */
public record InterestRules(
        boolean consumerInterest,
        boolean businessInterest,
        boolean businessFlatFee,
        int baseRateBasisPoints,
        int consumerSurchargeBasisPoints,
        int businessSurchargeBasisPoints,
        long businessFlatFeeAmount) {

    /** The yearly rate for consumers in basis points: base rate plus surcharge (may be negative below zero base). */
    public int consumerRateBasisPoints() {
        return baseRateBasisPoints + consumerSurchargeBasisPoints;
    }

    /** The yearly rate for businesses in basis points. */
    public int businessRateBasisPoints() {
        return baseRateBasisPoints + businessSurchargeBasisPoints;
    }
}
