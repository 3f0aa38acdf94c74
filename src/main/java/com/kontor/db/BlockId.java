package com.kontor.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.annotations.IdGeneratorType;

/**
 * An entity's identifier drawn in blocks of {@link BlockIdGenerator#BLOCK} from a MariaDB sequence that is safe on a
 * Galera cluster: each {@code NEXTVAL} hands out one block number, and the block's ids are {@code number × 50 ..
 * number × 50 + 49}. See {@link BlockIdGenerator} for why Hibernate's pooled allocation is not used.
 */
@IdGeneratorType(BlockIdGenerator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface BlockId {

    /** The sequence the block numbers come from, e.g. {@code booking_seq}. */
    String sequence();
}
