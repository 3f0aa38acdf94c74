package com.kontor.tenancy;

import com.kontor.tenancy.internal.Merchant;
import com.kontor.tenancy.internal.MerchantRepository;
import com.kontor.tenancy.internal.MerchantSettings;
import com.kontor.tenancy.internal.MerchantSettingsRepository;
import com.kontor.tenancy.internal.PortalRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the current merchant: the header, the menu and every module's checks use it. */
@Service
public class MerchantDirectory {

    private final CurrentTenancy currentTenancy;
    private final MerchantRepository merchants;
    private final MerchantSettingsRepository settings;
    private final PortalRepository portals;

    public MerchantDirectory(CurrentTenancy currentTenancy, MerchantRepository merchants,
                             MerchantSettingsRepository settings, PortalRepository portals) {
        this.currentTenancy = currentTenancy;
        this.merchants = merchants;
        this.settings = settings;
        this.portals = portals;
    }

    /** The current merchant (of the logged-in user or the explicit scope), if any. */
    @Transactional(readOnly = true)
    public Optional<MerchantSummary> current() {
        return currentTenancy.merchantId().flatMap(merchants::findById).map(this::summarise);
    }

    public MerchantSummary requireCurrent() {
        return current().orElseThrow(() -> new IllegalStateException("No current merchant"));
    }

    private MerchantSummary summarise(Merchant merchant) {
        // Both repositories below are merchant-scoped: they return the current merchant's rows only.
        List<PortalSummary> portalList = portals.findAllByOrderByNameAsc().stream()
                .map(p -> new PortalSummary(p.getId(), p.getMerchantId(), p.getName())).toList();
        MerchantSettings s = settings.findById(merchant.getId())
                .orElseThrow(() -> new IllegalStateException("Merchant " + merchant.getId() + " has no settings"));
        return new MerchantSummary(merchant.getId(), merchant.getName(), merchant.getModules(), portalList,
                snapshot(s));
    }

    static SettingsSnapshot snapshot(MerchantSettings s) {
        return new SettingsSnapshot(s.getTimeZone(), s.getDefaultLanguage(), s.getDefaultCurrency(),
                s.getPaymentTermDays(), s.isFourEyesEnabled(), s.getFourEyesThreshold(), s.getVersion());
    }
}
