package com.kontor.dunning;

import java.util.Map;

/**
 * Level 1..4: days after the due date (level 1) or after the previous level (2..4), the fee in minor units of the
 * procedure's currency, the channel, and the texts per language ("de", "en").
 */
public record DunningLevelRule(int level, int days, long fee, DunningChannel channel, Map<String, LevelTexts> texts) {

    public DunningLevelRule {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }

    /** The texts in {@code language}, or the German ones when the level has none in that language. */
    public LevelTexts textsIn(String language) {
        LevelTexts found = texts.get(language);
        return found != null ? found : texts.get("de");
    }
}
