package com.kontor.tenancy.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MerchantLetterheadRepository extends JpaRepository<MerchantLetterhead, Long> {}
