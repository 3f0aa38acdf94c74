package com.kontor.db;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reserves values of a MariaDB sequence for bulk inserts (the demo generator, the 1,000,000-process fill): one
 * {@code NEXTVAL} and one {@code SETVAL} instead of a round trip per row. What is reserved lies above every value
 * handed out before and below every value handed out after. Meant for one writer at a time (the generator, run
 * against one server; on a Galera cluster not while other nodes draw from the same sequence: a {@code SETVAL} on one
 * node does not hold back the others); values skipped are gaps, which are allowed.
 */
public final class SequenceBlocks {

    private SequenceBlocks() {}

    /** The first of {@code size} consecutive sequence values now reserved (TXIDs, debtor numbers). */
    public static long reserve(JdbcTemplate jdbc, String sequence, int size) {
        return advance(jdbc, sequence, size) + 1;
    }

    /**
     * The first of {@code size} consecutive ids now reserved for an entity whose ids are drawn by
     * {@link BlockIdGenerator}: whole blocks of {@link BlockIdGenerator#BLOCK}, so that the generator never hands
     * out one of them.
     */
    public static long reserveIds(JdbcTemplate jdbc, String sequence, int size) {
        int blocks = (size + BlockIdGenerator.BLOCK - 1) / BlockIdGenerator.BLOCK;
        return (advance(jdbc, sequence, blocks) + 1) * BlockIdGenerator.BLOCK;
    }

    /** Moves the sequence past {@code size} values and answers the value before them. */
    private static long advance(JdbcTemplate jdbc, String sequence, int size) {
        String name = requireName(sequence);
        long current = jdbc.queryForObject("select nextval(" + name + ")", Long.class);
        jdbc.queryForObject("select setval(" + name + ", " + (current + size + 100) + ")", Long.class);
        return current;
    }

    static String requireName(String sequence) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException(sequence);
        }
        return sequence;
    }
}
