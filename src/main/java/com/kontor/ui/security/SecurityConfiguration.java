package com.kontor.ui.security;

import com.kontor.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chains of people and monitoring (the machine interfaces have theirs in the api module). Actuator:
 * health and info public, the rest behind an operator's login (HTTP Basic). Everything else is the Vaadin portal
 * with its login view; views carry role annotations that Vaadin checks on every navigation, typed URLs included,
 * and services check again.
 */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfiguration {

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
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain portal(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(
                auth -> auth.requestMatchers("/styles/**", "/images/**", "/icons/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll());
        // A URL that matches no route must reach Vaadin, which shows the not-found view (or the login view to a
        // stranger); Vaadin's default denies it here, and a typed wrong URL got a bare 403 page. Every view still
        // carries its role annotation, checked by Vaadin's navigation access control; the machine interfaces and
        // the actuator have their own chains.
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class).anyRequest(AuthorizedUrl::permitAll));
        return http.build();
    }
}
