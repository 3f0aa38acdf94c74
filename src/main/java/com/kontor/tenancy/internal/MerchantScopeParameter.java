package com.kontor.tenancy.internal;

import com.kontor.tenancy.CurrentTenancy;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The value of the auto-enabled Hibernate filter {@code merchantScope} (declared on {@link AppUser}): every
 * query and load by id of a merchant-scoped entity is limited to the current merchant. Without one, -1 matches
 * nothing. Platform work (login lookup, the operator) switches the filter off explicitly through
 * {@link PlatformScope}.
 */
@Component
public class MerchantScopeParameter implements Supplier<Long> {

    static final long NO_MERCHANT = -1L;

    private final CurrentTenancy currentTenancy;

    MerchantScopeParameter(CurrentTenancy currentTenancy) {
        this.currentTenancy = currentTenancy;
    }

    @Override
    public Long get() {
        return currentTenancy.merchantId().orElse(NO_MERCHANT);
    }
}
