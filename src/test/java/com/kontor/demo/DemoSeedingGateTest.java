package com.kontor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.api.ProblemResponses;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded start: the API answers 503 with Retry-After (not 401) until the demo keys exist, and the banner waits
 * until the portal answers.
 */
class DemoSeedingGateTest {

    private final AtomicBoolean ready = new AtomicBoolean();
    private final DemoSeedingGate gate = new DemoSeedingGate(
            ready::get, () -> new ProblemResponses(JsonMapper.builder().build()));

    @Test
    void whileTheDemoKeysAreMissingTheApiAsksToRetry() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        gate.doFilter(new MockHttpServletRequest("GET", "/api/v1/key"), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
        assertThat(chain.getRequest()).as("the request went no further").isNull();
    }

    @Test
    void onceTheDemoDataExistTheApiAnswers() throws Exception {
        ready.set(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        gate.doFilter(new MockHttpServletRequest("GET", "/api/v1/key"), response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void thePortalAnswersWhenItsServerDoes() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/login", exchange -> {
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            assertThat(DemoStartup.answers(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/login"),
                            Duration.ofSeconds(5)))
                    .isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningIsNoAnswer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(DemoStartup.answers(URI.create("http://127.0.0.1:" + port + "/login"), Duration.ofSeconds(1)))
                .isFalse();
    }
}
