package com.kontor.tenancy.internal;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditScope;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The audit log reads, exports and verifies the current merchant's records only (its chain, AUD-3). */
@Component
class TenancyAuditScope implements AuditScope {

    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;

    TenancyAuditScope(CurrentTenancy currentTenancy, CurrentUser currentUser) {
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
    }

    @Override
    public Actor actor() {
        return currentUser.get().map(KontorUser::asActor).orElseGet(() -> Actor.system("Kontor"));
    }

    @Override
    public Optional<Long> merchantId() {
        return currentTenancy.merchantId();
    }
}
