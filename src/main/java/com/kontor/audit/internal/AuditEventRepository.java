package com.kontor.audit.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Insert and read only: no update or delete method exists (and the database refuses both). */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByOrderByOccurredAtDescIdDesc(Pageable pageable);

    List<AuditEvent> findByDebtorNumberOrderByOccurredAtDescIdDesc(long debtorNumber, Pageable pageable);
}
