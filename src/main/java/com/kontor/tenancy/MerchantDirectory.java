package com.kontor.tenancy;

import com.kontor.tenancy.internal.Merchant;
import com.kontor.tenancy.internal.MerchantRepository;
import com.kontor.tenancy.internal.MerchantSettings;
import com.kontor.tenancy.internal.MerchantSettingsRepository;
import com.kontor.tenancy.internal.PortalRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Read access to the current merchant: the header, the menu and every module's checks use it. */
@Service
public class MerchantDirectory {

    /** How long another server may show a merchant's old settings after a change. */
    static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(5);

    private final com.github.benmanes.caffeine.cache.Cache<Long, MerchantSummary> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(CACHE_TTL)
                    .maximumSize(10_000)
                    .build();

    private final TransactionTemplate readOnly;
    private final CurrentTenancy currentTenancy;
    private final MerchantRepository merchants;
    private final MerchantSettingsRepository settings;
    private final PortalRepository portals;

    public MerchantDirectory(
            CurrentTenancy currentTenancy,
            MerchantRepository merchants,
            MerchantSettingsRepository settings,
            PortalRepository portals,
            PlatformTransactionManager transactionManager) {
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.currentTenancy = currentTenancy;
        this.merchants = merchants;
        this.settings = settings;
        this.portals = portals;
    }

    /**
     * The current merchant (of the logged-in user or the explicit scope), if any. Summaries are cached for
     * {@link #CACHE_TTL}: every API request and every navigation asks for them, often several times. A change made
     * through this server evicts its entry at once ({@link #evict}); another server sees it within the TTL.
     */
    public Optional<MerchantSummary> current() {
        Optional<Long> merchantId = currentTenancy.merchantId();
        if (merchantId.isEmpty()) {
            return Optional.empty();
        }
        MerchantSummary cached = cache.getIfPresent(merchantId.get());
        if (cached != null) {
            return Optional.of(cached);
        }
        // a transaction only to load: a hit costs no round trip (a read-only transaction costs four)
        Optional<MerchantSummary> summary =
                readOnly.execute(status -> merchants.findById(merchantId.get()).map(this::summarise));
        summary.ifPresent(s -> cache.put(s.id(), s));
        return summary;
    }

    /** Forgets a merchant's cached summary after a change of its settings, modules or portals. */
    void evict(long merchantId) {
        cache.invalidate(merchantId);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                cache.invalidate(merchantId); // a reader between the change and its commit must not keep the old one
            }
        });
    }

    public MerchantSummary requireCurrent() {
        return current().orElseThrow(() -> new IllegalStateException("No current merchant"));
    }

    private MerchantSummary summarise(Merchant merchant) {
        // Both repositories below are merchant-scoped: they return the current merchant's rows only.
        List<PortalSummary> portalList = portals.findAllByOrderByNameAsc().stream()
                .map(p -> new PortalSummary(p.getId(), p.getMerchantId(), p.getName()))
                .toList();
        MerchantSettings s = settings.findById(merchant.getId())
                .orElseThrow(() -> new IllegalStateException("Merchant " + merchant.getId() + " has no settings"));
        return new MerchantSummary(
                merchant.getId(), merchant.getName(), merchant.getModules(), portalList, snapshot(s));
    }

    static SettingsSnapshot snapshot(MerchantSettings s) {
        return new SettingsSnapshot(
                s.getTimeZone(),
                s.getDefaultLanguage(),
                s.getDefaultCurrency(),
                s.getPaymentTermDays(),
                s.isFourEyesEnabled(),
                s.getFourEyesThreshold(),
                s.getVersion());
    }
}
