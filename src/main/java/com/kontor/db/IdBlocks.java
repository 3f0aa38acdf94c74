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
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    public IdBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next id of {@code sequence}'s blocks. */
    public long next(String sequence) {
        return blocks.computeIfAbsent(sequence, s -> new Block("select nextval(" + SequenceBlocks.requireName(s) + ")"))
                .next(jdbc);
    }

    private static final class Block {
        private final String select;
        private long next;
        private long limit;

        Block(String select) {
            this.select = select;
        }

        synchronized long next(JdbcTemplate jdbc) {
            if (next == limit) {
                next = jdbc.queryForObject(select, Long.class) * BlockIdGenerator.BLOCK;
                limit = next + BlockIdGenerator.BLOCK;
            }
            return next++;
        }
    }
}
