package com.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The audit log shows details as people read them, old and new values side by side. */
class AuditLogDescribeTest {

    private final AuditLog auditLog =
            new AuditLog(null, null, null, JsonMapper.builder().build(), null);

    @Test
    void changesReadAsOldArrowNewAndListsAsCommaSeparated() {
        String text = auditLog.describe("{\"user\":\"sam@example.com\",\"roles\":{\"old\":[\"SUPPORT\"],"
                + "\"new\":[\"FINANCE\",\"SUPPORT\"]},\"city\":{\"old\":null,\"new\":\"Berlin\"}}");
        assertThat(text)
                .isEqualTo("user: sam@example.com; roles: SUPPORT \u2192 FINANCE, SUPPORT; city: \u2013 \u2192 Berlin");
    }
}
