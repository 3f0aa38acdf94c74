package com.kontor.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows of one table as {@code insert ... values (...), (...), ...}: one statement for up to {@link #CHUNK}
 * rows instead of one execution per row: a new debtor's ten history rows, a sealing round's hundreds of seals or the
 * generator's thousands of processes are one or a few statements (docs/benchmarks.md, fifth run). The statement text
 * depends only on the row count of a chunk, so the driver's cache of prepared statements holds at most
 * {@link #CHUNK} texts per table.
 */
public final class MultiRowInsert {

    /** Rows per statement; a larger set is written in several. */
    public static final int CHUNK = 50;

    private MultiRowInsert() {}

    /**
     * Inserts {@code rows} in statements of up to {@link #CHUNK} rows.
     *
     * @param head the statement up to {@code values}, for example {@code insert into t (a, b) values}
     * @param row one row's values with a {@code ?} for each element of a row, for example {@code (?, ?)}; it may
     *            hold SQL of its own such as {@code nextval(t_seq)}
     * @return the number of rows written
     */
    public static int insert(JdbcTemplate jdbc, String head, String row, List<Object[]> rows) {
        int written = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            // a text block's head loses its trailing space
            StringBuilder sql = new StringBuilder(head.stripTrailing()).append(' ');
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
                Collections.addAll(args, chunk.get(i)); // values may be null
            }
            written += jdbc.update(sql.toString(), args.toArray());
        }
        return written;
    }
}
