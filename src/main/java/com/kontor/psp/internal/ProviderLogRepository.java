package com.kontor.psp.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProviderLogRepository extends JpaRepository<ProviderLogEntry, Long> {

    List<ProviderLogEntry> findByTxidOrderByIdAsc(long txid);
}
