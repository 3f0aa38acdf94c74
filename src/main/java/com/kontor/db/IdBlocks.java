package com.kontor.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ids for rows written with plain SQL, in the same blocks of {@link BlockIdGenerator#BLOCK} per sequence value as
 * entities get (PLAT-6): one {@code NEXTVAL} per 50 rows. Galera needs its sequences uncached, and an uncached
 * {@code NEXTVAL} in every insert is a write of the sequence's row each time (an idempotency record on every API write,
 * a history row for each field of a new debtor); drawn in blocks, it is one in fifty, as the cached sequences were.
 */
@Component
public class IdBlocks {

    private final JdbcTemplate jdbc;
    private final Map<String, IdBlock> blocks = new ConcurrentHashMap<>();

    public IdBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next id of {@code sequence}'s blocks. */
    public long next(String sequence) {
        // the sequence's name is checked and the statement built only when a new block is drawn (one write in 50)
        return blocks.computeIfAbsent(sequence, s -> new IdBlock())
                .next(() -> jdbc.queryForObject(
                        "select nextval(" + SequenceBlocks.requireName(sequence) + ")", Long.class));
    }
}
