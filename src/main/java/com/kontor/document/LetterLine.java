package com.kontor.document;

/**
 * One line of a dunning letter's table (DOC-1): "Invoice RE-000012 of 01.10.2026, due 15.10.2026" 120,00; a fee or
 * interest line the same way; negative for what was paid.
 *
 * @param amount in the minor units of the process's currency
 */
public record LetterLine(String description, long amount) {

    public LetterLine {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("A letter line needs a description");
        }
    }
}
