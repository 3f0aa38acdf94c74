package com.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description a shop developer reads (hardening, item 21): a real title and the build's version, the
 * API key as bearer scheme on every API operation, and every operation's refusals as problem documents.
 */
@IntegrationTest
class OpenApiDescriptionTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @LocalServerPort
    int port;

    @Autowired
    BuildProperties build;

    private JsonNode docs;

    record Op(String method, String path, JsonNode node) {}

    @BeforeEach
    void fetch() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        docs = JsonMapper.builder().build().readTree(answer.body());
    }

    @Test
    void theDescriptionHasATitleTheBuildsVersionAndADescription() {
        assertThat(docs.at("/info/title").asString()).isEqualTo("Kontor API");
        assertThat(build.getVersion()).matches("\\d+\\.\\d+\\.\\d+.*"); // the pom's version
        assertThat(docs.at("/info/version").asString()).isEqualTo(build.getVersion());
        assertThat(docs.at("/info/description").asString()).contains("Authorization: Bearer", "problem document");
    }

    @Test
    void everyApiOperationNeedsTheApiKeyAsBearerTokenAndNotificationsDoNot() {
        JsonNode scheme = docs.at("/components/securitySchemes/apiKey");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        List<Op> operations = operations();
        assertThat(operations).extracting(Op::path).contains("/api/v1/payments", "/notifications/payone");
        for (Op op : operations) {
            List<String> schemes = new ArrayList<>();
            op.node().path("security").forEach(s -> s.propertyNames().forEach(schemes::add));
            if (op.path().startsWith("/api/")) {
                assertThat(schemes).as(op.method() + " " + op.path()).containsExactly("apiKey");
            } else {
                assertThat(schemes).as(op.method() + " " + op.path()).isEmpty();
            }
        }
    }

    @Test
    void everyApiOperationListsItsRefusalsAsProblemDocuments() {
        for (Op op : operations()) {
            if (!op.path().startsWith("/api/v1/")) {
                continue;
            }
            List<String> expected = new ArrayList<>(List.of("401", "503"));
            if (op.method().equals("post") || op.method().equals("put")) {
                expected.addAll(List.of("400", "409", "413", "422"));
            }
            if (op.path().contains("{")) {
                expected.add("404");
            }
            JsonNode responses = op.node().path("responses");
            for (String status : expected) {
                assertThat(responses
                                .at("/" + status + "/content/application~1problem+json/schema/$ref")
                                .asString())
                        .as(op.method() + " " + op.path() + " " + status)
                        .isEqualTo(PROBLEM_REF);
            }
        }
        JsonNode capture = docs.at("/paths/~1api~1v1~1payments~1{txid}~1captures/post/responses");
        assertThat(capture.at("/409/description").asString()).contains("INVALID_STATE", "CONCURRENT_UPDATE");
        assertThat(capture.at("/422/description").asString())
                .contains("AMOUNT_EXCEEDS_LIMIT", "VALIDATION_FAILED", "IDEMPOTENCY_KEY_REUSED");
        assertThat(docs.at("/paths/~1api~1v1~1payments/post/responses/422/description")
                        .asString())
                .contains("BLACKLISTED", "PROVIDER_NOT_CONFIGURED");
        assertThat(docs.at("/paths/~1api~1v1~1payments/post/parameters").toString())
                .contains("Idempotency-Key");

        // the successes as the API answers them
        assertThat(docs.at("/paths/~1api~1v1~1payments/post/responses").propertyNames())
                .contains("201")
                .doesNotContain("200");
        assertThat(docs.at("/paths/~1api~1v1~1payments/post/responses/201/content/application~1json/schema/$ref")
                        .asString())
                .endsWith("/PaymentResource");
        assertThat(docs.at("/paths/~1api~1v1~1payments~1{txid}~1refunds/post/responses")
                        .propertyNames())
                .contains("201", "202");
        assertThat(docs.at("/paths/~1api~1v1~1debtors~1{customerId}/put/responses")
                        .propertyNames())
                .contains("200", "201");
        assertThat(docs.at("/paths/~1notifications~1payone/post/responses/403/description")
                        .asString())
                .contains("FORBIDDEN");
        assertThat(docs.at("/paths/~1notifications~1adyen/post/responses/401/description")
                        .asString())
                .contains("UNAUTHENTICATED");

        JsonNode problem = docs.at("/components/schemas/Problem/properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "code", "errors");
        assertThat(problem.at("/code/enum").toString()).contains("VALIDATION_FAILED", "UNAUTHENTICATED");
    }

    private List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                operations.add(new Op(method.getKey(), path.getKey(), method.getValue()));
            }
        }
        return operations;
    }
}
