package com.kontor.db;

import java.util.function.LongSupplier;

/**
 * The ids of one sequence's current block: value × {@link BlockIdGenerator#BLOCK} up to the next multiple, a new
 * value drawn when the block is used up. Shared by {@link BlockIdGenerator} (entities) and {@link IdBlocks} (plain
 * SQL), so both hand out ids the same way.
 */
final class IdBlock {

    private long next;
    private long limit;

    /** The next id; {@code nextValue} draws the sequence's next value when the block is used up. */
    synchronized long next(LongSupplier nextValue) {
        if (next == limit) {
            next = nextValue.getAsLong() * BlockIdGenerator.BLOCK;
            limit = next + BlockIdGenerator.BLOCK;
        }
        return next++;
    }
}
