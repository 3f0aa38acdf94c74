package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's HTTP headers as a browser receives them (hardening): content security policy, no sniffing, no
 * framing, no caching of signed-in pages, HSTS and Secure cookies on HTTPS (behind a proxy that says so), and a
 * login form that only accepts its own CSRF token. The test context trusts X-Forwarded-Proto from localhost like
 * a production setup behind a proxy ({@code server.forward-headers-strategy=native}).
 */
@IntegrationTest
class SecurityHeadersTest {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    /** A browser's cookie jar, no automatic redirects: each answer is looked at as it comes. */
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void theLoginPageForbidsFramingSniffingAndForeignContent() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertPortalHeaders(login.headers());
        // no HTTPS here: no HSTS, and the session cookie may travel over plain HTTP (local development)
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void aSignedInPageIsNeverCachedAndCarriesTheSameHeaders() throws Exception {
        logIn("support@mueller.example");
        HttpResponse<String> page = get("/live/debtors");
        assertThat(page.statusCode()).isEqualTo(200); // signed in: the view, not a redirect to the login
        assertPortalHeaders(page.headers());
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void aLoginWithoutTheFormsCsrfTokenIsRefusedAndSignsNobodyIn() throws Exception {
        get("/login"); // a session and its token exist, but a forged form from another site does not know it
        HttpResponse<String> forged = postLogin("support@mueller.example", null);
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> view = get("/live/debtors");
        assertThat(view.statusCode()).isEqualTo(302);
        assertThat(view.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

        HttpResponse<String> wrongToken = postLogin("support@mueller.example", "not-the-token");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(get("/live/debtors").statusCode()).isEqualTo(302);
    }

    @Test
    void overHttpsTheBrowserIsToldToStayOnHttpsAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> login = get("/login", "X-Forwarded-Proto", "https");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .containsIgnoringCase("; Secure")
                        .containsIgnoringCase("; HttpOnly"));

        HttpResponse<String> plain = new Plain().get("/login");
        assertThat(plain.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="))
                .noneSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
    }

    @Test
    void theApiAnswersCannotBeSniffedFramedOrCached() throws Exception {
        HttpResponse<String> api = get("/api/v1/key");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
        assertThat(api.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(get("/api/v1/key", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .isPresent();
    }

    private static void assertPortalHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains(
                                "default-src 'self'",
                                "frame-ancestors 'none'",
                                "object-src 'none'",
                                "form-action 'self'"));
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    private void logIn(String email) throws Exception {
        String page = get("/login").body();
        Matcher token = CSRF_META.matcher(page);
        assertThat(token.find()).as("the login page carries its CSRF token").isTrue();
        HttpResponse<String> answer = postLogin(email, token.group(1));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    private HttpResponse<String> postLogin(String email, String csrfToken) throws Exception {
        String form = "username=" + encode(email) + "&password=" + encode(DemoLogins.PASSWORD)
                + (csrfToken == null ? "" : "&_csrf=" + encode(csrfToken));
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A second browser without cookies. */
    private final class Plain {
        private final HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
