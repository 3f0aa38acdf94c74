package com.kontor.dunning;

/** Texts of one level in one language; placeholders like {name} are filled per process ({@link DunningTexts}). */
public record LevelTexts(String letter, String emailSubject, String emailBody) {}
