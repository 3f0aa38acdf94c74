package com.kontor.dunning;

/** Default interest (German law): each switch on its own; rates in basis points (500 = 5 percentage points). */
public record InterestRules(
        boolean consumerInterest,
        boolean businessInterest,
        boolean businessFlatFee,
        int baseRateBasisPoints,
        int consumerSurchargeBasisPoints,
        int businessSurchargeBasisPoints,
        long businessFlatFeeAmount) {}
