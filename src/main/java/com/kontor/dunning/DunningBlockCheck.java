package com.kontor.dunning;

import com.kontor.tenancy.Partition;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a block holds for a process on a day (DUN-4): a block of the process itself or of its debtor, not lifted,
 * not ended. The SQL condition is shared with the run's query, so both decide alike.
 */
@Component
public class DunningBlockCheck {

    /** For a query on {@code payment_process p}: true when a block holds on the day bound to both '?'. */
    public static final String BLOCKED = """
            exists (select 1 from dunning_block b
                    where (b.txid = p.txid or b.debtor_id = p.debtor_id) and b.lifted_at is null
                      and (b.ends_on is null or b.ends_on >= ?))""";

    private final JdbcTemplate jdbc;

    DunningBlockCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean blocked(Partition partition, long txid, LocalDate day) {
        Boolean blocked = jdbc.queryForObject(
                "select " + BLOCKED + " from payment_process p where p.txid = ? and p.partition_key = ?",
                Boolean.class,
                Date.valueOf(day),
                txid,
                partition.key());
        return Boolean.TRUE.equals(blocked);
    }
}
