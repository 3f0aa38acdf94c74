package com.kontor.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request to the machine interfaces meets, before authentication, signatures or parsing:
 * a body over the limit (1 MiB for the shop API, 2 MiB for notifications) is refused with 413 while it is read, never
 * read in full; a body must be JSON or, for PAYONE, a form, in strict UTF-8 (no overlong forms, no encoded
 * surrogates: 400). What passes is served again from memory to what follows.
 */
class RequestBodyLimits extends OncePerRequestFilter {

    static final int API_LIMIT = 1024 * 1024;
    static final int NOTIFICATION_LIMIT = 2 * 1024 * 1024;

    private final ProblemResponses problems;

    RequestBodyLimits(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        int limit = request.getRequestURI().startsWith("/notifications/") ? NOTIFICATION_LIMIT : API_LIMIT;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            tooLarge(response, limit);
            return;
        }
        MediaType type = mediaType(request.getContentType());
        if (type != null && type.getCharset() != null && !type.getCharset().equals(StandardCharsets.UTF_8)) {
            malformed(response, "The body must be UTF-8.");
            return;
        }
        Map<String, List<String>> form = null;
        try {
            if (type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
                form = formParameters(body, request.getQueryString());
            } else {
                strictUtf8(body);
            }
        } catch (CharacterCodingException | IllegalArgumentException e) {
            malformed(response, "The body is not valid UTF-8 (overlong forms and surrogates are refused).");
            return;
        }
        chain.doFilter(new BufferedRequest(request, body, form), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void tooLarge(HttpServletResponse response, int limit) throws IOException {
        problems.write(
                response,
                HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "Payload too large",
                "The body is larger than " + (limit / (1024 * 1024)) + " MiB. Nothing was read or stored.");
    }

    private void malformed(HttpServletResponse response, String detail) throws IOException {
        problems.write(response, HttpServletResponse.SC_BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request", detail);
    }

    /** Decodes with Java's UTF-8 decoder set to refuse, not replace: it rejects overlong and surrogate encodings. */
    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** A form's and the query's parameters, percent-decoded to bytes and then decoded as strict UTF-8. */
    static Map<String, List<String>> formParameters(byte[] body, String query) throws CharacterCodingException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String source : new String[] {query, strictUtf8(body)}) {
            if (source == null || source.isEmpty()) {
                continue;
            }
            for (String pair : source.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    private static String decode(String encoded) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("a % without two hex digits");
                }
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 127) {
                throw new IllegalArgumentException("an unencoded non-ASCII character in a form");
            } else {
                bytes.write(c);
            }
        }
        return strictUtf8(bytes.toByteArray());
    }
}
