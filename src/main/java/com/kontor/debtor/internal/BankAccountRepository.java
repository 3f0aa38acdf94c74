package com.kontor.debtor.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BankAccountRepository extends JpaRepository<BankAccount, Long> {

    List<BankAccount> findByDebtorIdAndRemovedAtIsNullOrderByIdDesc(long debtorId);

    Optional<BankAccount> findFirstByDebtorIdAndIbanFingerprintAndRemovedAtIsNull(long debtorId, String fingerprint);
}
