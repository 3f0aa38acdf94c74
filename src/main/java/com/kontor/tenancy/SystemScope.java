package com.kontor.tenancy;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work that Kontor does by itself (seeding demo data, later jobs) runs as the system: a principal with the
 * platform OPERATOR role and no user id, audited as actor SYSTEM under the given name. Never reachable from a
 * request: only code calls it.
 */
public final class SystemScope {

    private SystemScope() {}

    public static <T> T run(String what, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        KontorUser system = KontorUser.system(what);
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
