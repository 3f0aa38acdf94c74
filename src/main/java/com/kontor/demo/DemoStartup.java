package com.kontor.demo;

import com.kontor.embedded.EmbeddedDatabaseEnvironmentPostProcessor;
import java.util.Objects;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the embedded default: seeds the demo data into an empty database and prints the URL and the demo logins.
 * Demo data and demo passwords refuse to exist anywhere else: with any other database the start fails.
 */
@Component
class DemoStartup {

    private final DemoProperties properties;
    private final DemoDataGenerator generator;
    private final Environment environment;

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

    @EventListener(ApplicationReadyEvent.class)
    void seedAndGreet(ApplicationReadyEvent event) {
        if (!properties.enabled()) {
            return;
        }
        boolean seeded = generator.seedIfEmpty(properties.size());
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder text = new StringBuilder()
                .append("\n============================================================\n")
                .append(" Kontor is running: http://localhost:")
                .append(port)
                .append("/\n")
                .append(seeded ? " Demo data seeded (first start).\n" : " Demo data from an earlier start kept.\n")
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
}
