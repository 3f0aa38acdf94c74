package com.kontor.debtor.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CardRepository extends JpaRepository<Card, Long> {

    List<Card> findByDebtorIdAndRemovedAtIsNullOrderByIdDesc(long debtorId);

    Optional<Card> findFirstByDebtorIdAndTokenFingerprintAndRemovedAtIsNull(long debtorId, String fingerprint);
}
