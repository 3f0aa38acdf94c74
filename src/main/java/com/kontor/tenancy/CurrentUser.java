package com.kontor.tenancy;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The person behind the current request, from Spring Security's context. */
@Component
public class CurrentUser {

    public Optional<KontorUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof KontorUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public KontorUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    }

    /** The merchant of the logged-in user; refuses operators and anonymous callers. */
    public long requireMerchantId() {
        KontorUser user = require();
        if (user.merchantId() == null) {
            throw new AccessDeniedException("Not a merchant's user");
        }
        return user.merchantId();
    }
}
