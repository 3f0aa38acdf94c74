package com.kontor.debtor.internal;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Insert and read only (the database refuses updates and deletes). Partition-filtered by Hibernate. */
public interface DebtorChangeRepository extends Repository<DebtorChange, Long> {

    DebtorChange save(DebtorChange change);

    List<DebtorChange> findByDebtorIdOrderByChangedAtAscIdAsc(long debtorId);
}
