package com.kontor.dunning;

import java.util.Map;

/** Level 1..4: days after the due date (level 1) or after the previous level (2..4), the fee in minor units. */
public record DunningLevelRule(int level, int days, long fee, DunningChannel channel, Map<String, LevelTexts> texts) {}
