package com.kontor.demo;

import com.kontor.api.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the embedded start the web server listens before the demo data exist. Until then the demo API keys are not in
 * the database, and a shop's first call would be a confusing 401 {@code UNAUTHENTICATED}: this gate answers the API
 * and the notification endpoints with 503 {@code SERVICE_UNAVAILABLE} and {@code Retry-After} instead, before any
 * key is looked up. It lets everything through once the demo data are there (and always when there is no demo).
 */
class DemoSeedingGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final BooleanSupplier ready;
    private final Supplier<ProblemResponses> problems;

    DemoSeedingGate(BooleanSupplier ready, Supplier<ProblemResponses> problems) {
        this.ready = ready;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready.getAsBoolean()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        problems.get()
                .write(
                        response,
                        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "SERVICE_UNAVAILABLE",
                        "Service unavailable",
                        "Kontor is still creating its demo data and API keys; try again in a few seconds.");
    }
}
