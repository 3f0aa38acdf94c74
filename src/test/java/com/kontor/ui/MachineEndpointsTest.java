package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** PLAT-4 and the stateless machine interfaces: what a monitoring system or a shop sees without a browser. */
@IntegrationTest
class MachineEndpointsTest {

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndInfoArePublic() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsNeedAnOperatorLogin() throws Exception {
        assertThat(get("/actuator/metrics").statusCode()).isEqualTo(401);
        String support = basic("support@mueller.example");
        assertThat(get("/actuator/metrics", "Authorization", support).statusCode())
                .isEqualTo(403);
        assertThat(get("/actuator/metrics", "Authorization", basic("operator@kontor.example"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theApiRefusesWithoutAKeyAsAProblemDocumentNeverARedirect() throws Exception {
        HttpResponse<String> response = get("/api/v1/debtors/K-00001");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theOpenApiDescriptionIsPublic() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"openapi\"")
                .contains("/api/v1/payments")
                .contains("/api/v1/payments/{txid}")
                .contains("/api/v1/payments/{txid}/captures")
                .contains("/api/v1/payments/{txid}/shipments")
                .contains("/api/v1/payments/{txid}/shippable")
                .contains("/api/v1/payments/{txid}/refunds")
                .contains("/api/v1/debtors/{customerId}")
                .contains("/api/v1/blacklist/check")
                .contains("/notifications/payone")
                .contains("/notifications/adyen");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginPageIsServedAndViewsRedirectToIt() throws Exception {
        assertThat(get("/login").statusCode()).isEqualTo(200);
        HttpResponse<String> view = get("/live/debtors");
        assertThat(view.statusCode()).isEqualTo(302);
        assertThat(view.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private static String basic(String email) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((email + ":" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
