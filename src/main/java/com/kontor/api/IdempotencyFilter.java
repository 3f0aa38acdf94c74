package com.kontor.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST and PUT (API-3): the same key with the same request returns the first response
 * again and does nothing else; the same key with another request is refused (422 IDEMPOTENCY_KEY_REUSED); a
 * request while the first is still running is refused (409 IDEMPOTENCY_IN_PROGRESS). A 5xx is not kept.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String HEADER = "Idempotency-Key";

    private final IdempotencyStore store;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotencyStore store, ProblemResponses problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !("POST".equals(method) || "PUT".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ApiKeyPrincipal key)) {
            chain.doFilter(request, response); // unauthenticated: refused further on
            return;
        }
        String idempotencyKey = request.getHeader(HEADER).strip();
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > 255) {
            problems.write(
                    response,
                    422,
                    "VALIDATION_FAILED",
                    "Validation failed",
                    "Idempotency-Key must have 1 to 255 characters.");
            return;
        }
        // RequestBodyLimits read the body first (at most 1 MiB) and serves it again on every read
        byte[] body = request.getInputStream().readAllBytes();
        String hash = sha256(request.getMethod() + " " + request.getRequestURI() + "\n", body);
        switch (store.claim(key.keyId(), idempotencyKey, hash)) {
            case IdempotencyStore.Reused reused ->
                problems.write(
                        response,
                        422,
                        "IDEMPOTENCY_KEY_REUSED",
                        "Idempotency key reused",
                        "This Idempotency-Key was used for a different request.");
            case IdempotencyStore.InProgress inProgress ->
                problems.write(
                        response,
                        409,
                        "IDEMPOTENCY_IN_PROGRESS",
                        "Request in progress",
                        "A request with this Idempotency-Key is still running.");
            case IdempotencyStore.Replay replay -> {
                response.setStatus(replay.status());
                if (replay.contentType() != null) {
                    response.setContentType(replay.contentType());
                }
                response.setHeader("Idempotent-Replayed", "true");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(replay.body() == null ? "" : replay.body());
            }
            case IdempotencyStore.Claimed claimed -> execute(request, response, chain, claimed);
        }
    }

    private void execute(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            IdempotencyStore.Claimed recordId)
            throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            if (captured.getStatus() < 500 && request.getAttribute(NOT_KEPT) == null) {
                store.complete(
                        recordId,
                        captured.getStatus(),
                        captured.getContentType(),
                        new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
                kept = true;
            }
        } finally {
            try {
                if (!kept) {
                    store.release(recordId);
                }
            } catch (RuntimeException e) {
                // The database went away during the request: the answer (a 503) still reaches the client; the claim
                // is taken over after IdempotencyStore.ABANDONED.
                log.warn("Could not release the idempotency claim after a failed request: {}", e.toString());
            }
            captured.copyBodyToResponse();
        }
    }

    /**
     * The answer of this request is not kept for its Idempotency-Key: a 409 CONCURRENT_UPDATE says that nothing was
     * written and the request may be sent again, which with the same key must run it again, not answer the 409 for a
     * day (on a Galera cluster, where conflicts between nodes surface at commit, this is what a shop meets).
     */
    static void doNotKeep() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.getRequest().setAttribute(NOT_KEPT, Boolean.TRUE);
        }
    }

    private static final String NOT_KEPT = IdempotencyFilter.class.getName() + ".notKept";

    private static String sha256(String prefix, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
