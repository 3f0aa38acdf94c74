package com.kontor.debtor.internal;

import java.util.List;
import org.springframework.data.repository.Repository;

/**
 * Reads a debtor's history, partition-filtered by Hibernate; {@link DebtorHistory} writes it (the database refuses
 * updates and deletes).
 */
public interface DebtorChangeRepository extends Repository<DebtorChange, Long> {

    List<DebtorChange> findByDebtorIdOrderByChangedAtAscIdAsc(long debtorId);
}
