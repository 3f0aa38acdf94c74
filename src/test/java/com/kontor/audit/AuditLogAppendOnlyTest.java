package com.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** AUD-3: the database itself refuses to change or delete audit records. */
@IntegrationTest
class AuditLogAppendOnlyTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recordsCannotBeChangedOrDeletedEvenWithSql() {
        auditLog.record(AuditEntry.of(null, Actor.system("append-only test"), AuditEventType.DEMO_DATA_SEEDED));
        Long id = jdbc.queryForObject(
                "select max(id) from audit_event where actor_name = 'append-only test'", Long.class);
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor_name = 'forged' where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select actor_name from audit_event where id = ?", String.class, id))
                .isEqualTo("append-only test");
    }
}
