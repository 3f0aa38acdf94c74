package com.kontor.dunning;

import java.util.List;

/** A merchant's dunning procedure in one mode (DUN-1). */
public record DunningProcedure(
        List<DunningLevelRule> levels,
        boolean collectionEnabled,
        int collectionDays,
        long tolerance,
        boolean releaseByFinance,
        InterestRules interest,
        String currency) {}
