package com.kontor.demo;

import com.kontor.embedded.EmbeddedDatabaseEnvironmentPostProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the embedded default: seeds the demo data into an empty database and prints the URL and the demo logins.
 * Demo data and demo passwords refuse to exist anywhere else: with any other database the start fails.
 *
 * <p>Until the demo data (and with them the demo API keys) exist, {@link DemoSeedingGate} answers the API with 503;
 * the banner is printed only once the portal answers over HTTP, so the URL it shows works when it appears.
 */
@Component
class DemoStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);
    private static final Duration PORTAL_WAIT = Duration.ofSeconds(60);

    private final DemoProperties properties;
    private final DemoDataGenerator generator;
    private final Environment environment;
    private volatile boolean seeded;

    DemoStartup(DemoProperties properties, DemoDataGenerator generator, Environment environment) {
        this.properties = properties;
        this.generator = generator;
        this.environment = environment;
        if (properties.enabled()) {
            requireEmbeddedDatabase(environment);
        }
    }

    static void requireEmbeddedDatabase(Environment environment) {
        String embedded = environment.getProperty(EmbeddedDatabaseEnvironmentPostProcessor.EMBEDDED_URL_PROPERTY);
        String actual = environment.getProperty("spring.datasource.url");
        if (embedded == null || !Objects.equals(embedded, actual)) {
            throw new IllegalStateException("kontor.demo.enabled=true is allowed only on the embedded MariaDB "
                    + "(demo users have published passwords). Unset it for database " + actual);
        }
    }

    /** True once the demo data and keys exist, or when there is no demo: the API may answer. */
    boolean demoReady() {
        return !properties.enabled() || seeded;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAndGreet(ApplicationReadyEvent event) {
        if (!properties.enabled()) {
            return;
        }
        boolean firstStart = generator.seedIfEmpty(properties.size());
        seeded = true;
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String url = "http://localhost:" + port + "/";
        boolean answers = answers(URI.create(url + "login"), PORTAL_WAIT);
        StringBuilder text = new StringBuilder()
                .append("\n============================================================\n")
                .append(answers ? " Kontor is running: " : " Kontor has started but does not answer yet: ")
                .append(url)
                .append("\n")
                .append(firstStart ? " Demo data seeded (first start).\n" : " Demo data from an earlier start kept.\n")
                .append(" Demo logins (password for all: ")
                .append(DemoLogins.PASSWORD)
                .append("):\n");
        for (DemoLogins.Login login : DemoLogins.ALL) {
            text.append(String.format("   %-26s %-10s %s%n", login.email(), login.roles(), login.merchant()));
        }
        text.append(" Demo API keys (curl -H \"Authorization: Bearer <key>\" http://localhost:")
                .append(port)
                .append("/api/v1/key):\n");
        for (DemoLogins.DemoKey key : DemoLogins.KEYS) {
            text.append(
                    String.format("   %-38s %-4s %s, %s%n", key.secret(), key.mode(), key.merchant(), key.portal()));
        }
        text.append(" Blacklisted in ")
                .append(DemoLogins.MERCHANT_A)
                .append("'s test mode: ")
                .append(DemoLogins.BLACKLISTED_EMAIL)
                .append(", ")
                .append(DemoLogins.BLACKLISTED_IBAN)
                .append(", ")
                .append(DemoLogins.BLACKLISTED_CARD_TOKEN)
                .append("\n");
        text.append(" Four-eyes threshold of ").append(DemoLogins.MERCHANT_A).append(": refunds above 100.00 EUR\n");
        text.append(" Notifications to ")
                .append(DemoLogins.MERCHANT_A)
                .append(", Webshop, test mode:\n")
                .append("   PAYONE  POST /notifications/payone  portalid=")
                .append(DemoLogins.PAYONE_PORTAL_ID)
                .append("  key=md5(\"")
                .append(DemoLogins.PAYONE_KEY)
                .append("\")\n")
                .append("   Adyen   POST /notifications/adyen   merchantAccountCode=")
                .append(DemoLogins.ADYEN_MERCHANT_ACCOUNT)
                .append("\n")
                .append("           HMAC key ")
                .append(DemoLogins.ADYEN_HMAC_KEY)
                .append("\n")
                .append("           rotated-out key, valid 24 h after rotation: ")
                .append(DemoLogins.ADYEN_PREVIOUS_HMAC_KEY)
                .append("\n");
        text.append("============================================================\n");
        System.out.println(text);
    }

    /** Whether {@code page} answers (any status below 500) within {@code wait}; asked again every half second. */
    static boolean answers(URI page, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        try (HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            while (true) {
                try {
                    HttpResponse<Void> response = http.send(
                            HttpRequest.newBuilder(page)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() < 500) {
                        return true;
                    }
                } catch (java.io.IOException e) {
                    log.debug("{} does not answer yet: {}", page, e.toString());
                }
                if (Instant.now().isAfter(deadline)) {
                    return false;
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
