package com.kontor.ledger.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BookingRepository extends JpaRepository<Booking, Long> {

    List<Booking> findByTxidOrderByIdAsc(long txid);

    boolean existsByTxidAndProviderTxn(long txid, String providerTxn);

    List<Booking> findByTxidInOrderByBookedAtAscIdAsc(List<Long> txids);
}
