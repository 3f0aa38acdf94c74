package com.kontor.dunning;

import java.util.List;
import java.util.Optional;

/**
 * The dunning procedure of one merchant in one mode (DUN-1). Amounts are minor units of {@code currency}.
 *
 * @param levels 1..4 levels, numbered 1.. without gaps
 * @param collectionEnabled after the last level, propose debt collection
 * @param collectionDays days after the last level
 * @param tolerance an open balance below it is not dunned
 * @param releaseByFinance true: the run proposes and finance releases; false: sent at once
 * @param interest default interest
 * @param currency the merchant's currency (EUR)
 */
public record DunningProcedure(
        List<DunningLevelRule> levels,
        boolean collectionEnabled,
        int collectionDays,
        long tolerance,
        boolean releaseByFinance,
        InterestRules interest,
        String currency) {

    public DunningProcedure {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** The rule of level {@code level} (1..4), empty when the procedure has fewer levels. */
    public Optional<DunningLevelRule> level(int level) {
        return levels.stream().filter(l -> l.level() == level).findFirst();
    }

    /** The highest level (the one after which debt collection follows). */
    public int lastLevel() {
        return levels.size();
    }
}
