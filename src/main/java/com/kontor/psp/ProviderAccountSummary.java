package com.kontor.psp;

import java.time.Instant;

/** A portal's provider account as the admin view shows it: identifiers, never a key. */
public record ProviderAccountSummary(
        long portalId,
        String portalName,
        String payonePortalId,
        boolean payoneKeySet,
        String adyenMerchantAccount,
        boolean adyenKeySet,
        Instant adyenKeyRotatedAt,
        boolean previousKeyStillValid) {}
