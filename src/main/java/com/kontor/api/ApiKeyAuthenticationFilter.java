package com.kontor.api;

import com.kontor.tenancy.TenancyScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <api key>}: a valid key authenticates the request as its {@link ApiKeyPrincipal}
 * and runs the rest of the request inside the key's partition (merchant and mode), so every query of the request
 * sees that partition only. A missing, unknown or revoked key leaves the request unauthenticated: the chain then
 * answers 401 with a problem document. Never logs the key.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String ROLE_API = "ROLE_API";
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Optional<ApiKeyPrincipal> principal =
                header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                        ? apiKeys.authenticate(header.substring(BEARER.length()))
                        : Optional.empty();
        if (principal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal.get(), null, List.of(new SimpleGrantedAuthority(ROLE_API))));
        SecurityContextHolder.setContext(context);
        Exception[] failure = new Exception[1];
        try {
            TenancyScope.inPartition(principal.get().partition(), () -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    failure[0] = e;
                }
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
        if (failure[0] instanceof IOException e) {
            throw e;
        }
        if (failure[0] instanceof ServletException e) {
            throw e;
        }
    }
}
