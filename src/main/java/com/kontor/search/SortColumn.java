package com.kontor.search;

/** The columns the result sorts by, each both ways (SRCH-3), with the SQL each stands for. */
public enum SortColumn {
    DATE("coalesce(p.created_at, d.created_at)"),
    NAME("d.last_name"),
    FIRST_NAME("d.first_name"),
    TXID("p.txid"),
    PAYMENT_METHOD("p.payment_method"),
    STATUS("p.status"),
    DUNNING("p.dunning_status"),
    RECEIVABLE("p.receivable"),
    PAID("p.paid"),
    BALANCE("(p.receivable - p.paid)");

    private final String sql;

    SortColumn(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
