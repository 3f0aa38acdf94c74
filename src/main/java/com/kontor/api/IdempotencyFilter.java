package com.kontor.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST and PUT (API-3): the same key with the same request returns the first response
 * again and does nothing else; the same key with another request is refused (422 IDEMPOTENCY_KEY_REUSED); a
 * request while the first is still running is refused (409 IDEMPOTENCY_IN_PROGRESS). A 5xx is not kept.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_BODY = 1024 * 1024;

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
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problems.write(response, 400, "MALFORMED_REQUEST", "Malformed request", "The body is too large.");
            return;
        }
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
            case IdempotencyStore.Claimed claimed -> execute(request, response, chain, body, claimed);
        }
    }

    private void execute(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            byte[] body,
            IdempotencyStore.Claimed recordId)
            throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            if (captured.getStatus() < 500) {
                store.complete(
                        recordId,
                        captured.getStatus(),
                        captured.getContentType(),
                        new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(recordId);
            }
            captured.copyBodyToResponse();
        }
    }

    private static String sha256(String prefix, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once up front (needed for the hash) and served again to the controller. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
