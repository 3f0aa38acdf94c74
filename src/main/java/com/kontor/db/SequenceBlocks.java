package com.kontor.db;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reserves a block of values of a MariaDB sequence for bulk inserts (the demo generator, the 1,000,000-process fill):
 * one {@code NEXTVAL} and one {@code SETVAL} instead of a round trip per row. The block lies above every value handed
 * out before and below every value handed out after, whatever Hibernate's pooled optimiser does with the
 * sequence's increment. Meant for one writer at a time (the generator); values skipped are gaps, which are allowed.
 */
public final class SequenceBlocks {

    private SequenceBlocks() {}

    /** The first of {@code size} consecutive values now reserved: {@code first .. first + size - 1}. */
    public static long reserve(JdbcTemplate jdbc, String sequence, int size) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException(sequence);
        }
        long current = jdbc.queryForObject("select nextval(" + sequence + ")", Long.class);
        jdbc.queryForObject("select setval(" + sequence + ", " + (current + size + 100) + ")", Long.class);
        return current + 1;
    }
}
