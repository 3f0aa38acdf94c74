package com.kontor.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows written in statements of up to 50 keep every value, nulls included, and their order of ids. */
@IntegrationTest
class MultiRowInsertTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void moreRowsThanOneStatementTakesAreAllWrittenWithTheirValuesAndNulls() {
        jdbc.execute("create sequence if not exists multi_row_test_seq increment by 50");
        jdbc.execute("create table if not exists multi_row_test (id bigint primary key, n int not null,"
                + " label varchar(20))");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 123; i++) {
            rows.add(new Object[] {i, i % 3 == 0 ? null : "row " + i});
        }

        int written = MultiRowInsert.insert(
                jdbc, "insert into multi_row_test (id, n, label) values ", "(nextval(multi_row_test_seq), ?, ?)", rows);

        assertThat(written).isEqualTo(123);
        List<String> stored = jdbc.queryForList(
                "select concat(n, ':', coalesce(label, 'null')) from multi_row_test" + " order by id", String.class);
        assertThat(stored)
                .hasSize(123)
                .startsWith("0:null", "1:row 1", "2:row 2", "3:null")
                .endsWith("122:row 122");
        assertThat(jdbc.queryForObject("select count(distinct id) from multi_row_test", Integer.class))
                .isEqualTo(123);
    }
}
