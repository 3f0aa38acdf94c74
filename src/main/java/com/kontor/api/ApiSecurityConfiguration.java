package com.kontor.api;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The machine interfaces ({@code /api/**}, {@code /notifications/**}) are stateless: no session, no redirect,
 * every refusal a problem document. The API authenticates by key; notifications authenticate by the key inside
 * the notification (checked by their controller).
 */
@Configuration
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain machineInterfaces(
            HttpSecurity http, ProblemResponses problems, ApiKeys apiKeys, IdempotencyStore idempotency)
            throws Exception {
        http.securityMatcher("/api/**", "/notifications/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/notifications/**")
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(ApiKeyAuthenticationFilter.ROLE_API))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new IdempotencyFilter(idempotency, problems), ApiKeyAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                // JSON only: nothing in an answer may run, load or be framed (Spring Security adds nosniff,
                // Cache-Control: no-store and, on HTTPS, HSTS)
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> problems.write(
                                response,
                                HttpServletResponse.SC_UNAUTHORIZED,
                                "UNAUTHENTICATED",
                                "Unauthenticated",
                                "A valid API key is required: Authorization: Bearer <api key>."))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                response,
                                HttpServletResponse.SC_FORBIDDEN,
                                "FORBIDDEN",
                                "Forbidden",
                                "This key may not do that.")));
        return http.build();
    }
}
