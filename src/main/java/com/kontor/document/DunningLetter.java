package com.kontor.document;

import java.time.LocalDate;
import java.util.List;

/**
 * What a dunning letter shows besides the letterhead, the address and the information block (DUN-7, DOC-1): the level
 * 1..4, the subject (printed bold), the text with its placeholders already filled, the open items, fees and interest
 * as lines, their total and the date to pay by.
 *
 * @param total the amount due in the minor units of the process's currency (normally the sum of the lines)
 */
public record DunningLetter(
        int level, String subject, String text, List<LetterLine> lines, long total, LocalDate payBy) {

    public DunningLetter {
        if (level < 1 || level > 4) {
            throw new IllegalArgumentException("A dunning letter has a level from 1 to 4, not " + level);
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A dunning letter needs a subject");
        }
        if (payBy == null) {
            throw new IllegalArgumentException("A dunning letter needs the date to pay by");
        }
        lines = List.copyOf(lines);
        text = text == null ? "" : text;
    }
}
