package com.kontor.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the Selenium tests: the shared application and browser, a clean browser session per test. */
@IntegrationTest
@ExtendWith(FailureArtifacts.class)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;

    @BeforeEach
    void freshBrowserSession() {
        browser = Browser.get();
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Fetches a download link with the browser's session (as a click would) or without any. */
    protected HttpResponse<byte[]> download(String address, boolean withSession) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address));
        if (withSession) {
            request.header(
                    "Cookie",
                    browser.manage().getCookies().stream()
                            .map(Cookie::toString)
                            .map(c -> c.substring(0, c.indexOf(';')))
                            .collect(Collectors.joining("; ")));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
