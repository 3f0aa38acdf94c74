package com.kontor.tenancy.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MerchantSettingsRepository extends JpaRepository<MerchantSettings, Long> {}
