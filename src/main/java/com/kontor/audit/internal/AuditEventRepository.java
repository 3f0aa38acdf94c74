package com.kontor.audit.internal;

import org.springframework.data.repository.Repository;

/** Insert only: no update or delete method exists (and the database refuses both). Reading is plain SQL. */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);
}
