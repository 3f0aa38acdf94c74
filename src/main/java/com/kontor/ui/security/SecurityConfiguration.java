package com.kontor.ui.security;

import com.kontor.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The filter chains of people and monitoring (the machine interfaces have theirs in the api module). Actuator:
 * health and info public, the rest behind an operator's login (HTTP Basic). Everything else is the Vaadin portal
 * with its login view; views carry role annotations that Vaadin checks on every navigation, typed URLs included,
 * and services check again.
 *
 * <p>Every answer carries Spring Security's default headers (nosniff, {@code Cache-Control: no-store}, frame
 * denial, and HSTS on HTTPS requests) plus a Content-Security-Policy and a Referrer-Policy; see {@link #PORTAL_CSP}.
 */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfiguration {

    /**
     * What the portal's pages may load. Vaadin Flow needs {@code 'unsafe-inline'} for scripts (the bootstrap page
     * carries its first UI state in an inline script) and for styles (components set style attributes), and
     * {@code 'unsafe-eval'} for scripts (the client engine turns the server's JavaScript calls into functions);
     * images and fonts of the components come as {@code data:} URLs. Everything else is this origin only, no
     * plugins, no framing by other sites, and forms post only here. Checked in a browser by ContentSecurityBrowserTest.
     */
    static final String PORTAL_CSP = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .anyRequest()
                        .hasRole("OPERATOR"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain portal(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(
                auth -> auth.requestMatchers("/styles/**", "/images/**", "/icons/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll());
        http.headers(headers -> {
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(PORTAL_CSP))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny());
            // Vaadin's pages are forwarded to its servlet, and the container commits a forwarded answer before
            // the filter's usual after-the-fact writing could add headers: the pages went out without any. Written
            // first, they are on every answer. Vaadin then keeps this X-Frame-Options (DENY, not its SAMEORIGIN; do
            // not set vaadin.frameOptions, it would only log a warning per page), and its static files still set
            // their own Cache-Control, which replaces the default.
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
        });
        // Vaadin's own requests carry Vaadin's CSRF token, checked by Vaadin. Vaadin's default also exempts the login
        // page from Spring's token, so a foreign site could post its own credentials to /login and sign a victim's
        // browser in to the attacker's account (login CSRF). The login form sends the token from the page's meta
        // tags, so here only Vaadin's internal requests are exempt.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // A URL that matches no route must reach Vaadin, which shows the not-found view (or the login view to a
        // stranger); Vaadin's default denies it here, and a typed wrong URL got a bare 403 page. Every view still
        // carries its role annotation, checked by Vaadin's navigation access control; the machine interfaces and
        // the actuator have their own chains.
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false)
                        .anyRequest(AuthorizedUrl::permitAll));
        return http.build();
    }
}
