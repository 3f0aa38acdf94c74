package com.kontor.debtor.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MandateRepository extends JpaRepository<Mandate, Long> {

    Optional<Mandate> findFirstByBankAccountIdOrderByIdDesc(long bankAccountId);

    List<Mandate> findByDebtorIdOrderByIdDesc(long debtorId);
}
