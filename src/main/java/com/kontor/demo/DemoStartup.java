package com.kontor.demo;

import com.kontor.embedded.EmbeddedDatabaseEnvironmentPostProcessor;
import com.kontor.psp.ReconciliationProperties;
import com.kontor.psp.SettlementSamples;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.SystemScope;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On the embedded default: seeds the demo data into an empty database and prints the URL and the demo logins.
 * Demo data and demo passwords refuse to exist anywhere else: with any other database the start fails.
 *
 * <p>Until the demo data (and with them the demo API keys) exist, {@link DemoSeedingGate} answers the API with 503;
 * the banner is printed only once the portal answers over HTTP, so the URL it shows works when it appears.
 *
 * <p>Servers started at once (PLAT-6) do not seed one database twice, nor does one of them die of the other's data:
 * each server's demo lives in its own embedded database, and should two meet on one anyway, the first demo merchant
 * is the claim ({@link DemoDataGenerator#seedIfEmpty}): the server that does not get it starts without seeding (its
 * gate opens at once, so until the other has created the demo keys its API answers them with 401).
 */
@Component
class DemoStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);
    private static final Duration PORTAL_WAIT = Duration.ofSeconds(60);

    private final DemoProperties properties;
    private final DemoDataGenerator generator;
    private final Environment environment;
    private final SettlementSamples settlementSamples;
    private final ReconciliationProperties reconciliation;
    private final JdbcTemplate jdbc;
    private volatile boolean seeded;

    /** The demo's settlement report of Müller's test mode (PSP-4), to import in the Reconciliation view. */
    static final Path SETTLEMENT_REPORT = Path.of("data", "demo", "mueller-test-adyen-settlement.csv");

    DemoStartup(
            DemoProperties properties,
            DemoDataGenerator generator,
            Environment environment,
            SettlementSamples settlementSamples,
            ReconciliationProperties reconciliation,
            JdbcTemplate jdbc) {
        this.properties = properties;
        this.generator = generator;
        this.environment = environment;
        this.settlementSamples = settlementSamples;
        this.reconciliation = reconciliation;
        this.jdbc = jdbc;
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
        Path settlementReport = settlementReport(firstStart);
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
        if (settlementReport != null) {
            text.append(" Settlement report of ")
                    .append(DemoLogins.MERCHANT_A)
                    .append(", test mode (Adyen format; import it under Reconciliation):\n   ")
                    .append(settlementReport.toAbsolutePath())
                    .append("\n");
        }
        text.append("============================================================\n");
        System.out.println(text);
    }

    /**
     * Writes the demo's settlement report: the simulator's bookings of Müller's test mode from the 30 days before the
     * cut-off of "missing" as Adyen would settle them, with one of each difference (README, "Reconciling a settlement
     * report"). Written again only with fresh demo data, so a report imported once stays the same file.
     */
    private Path settlementReport(boolean firstStart) {
        if (!firstStart && Files.exists(SETTLEMENT_REPORT)) {
            return SETTLEMENT_REPORT;
        }
        try {
            long merchantId =
                    jdbc.queryForObject("select id from merchant where name = ?", Long.class, DemoLogins.MERCHANT_A);
            ZoneId zone = ZoneId.of(reconciliation.zone());
            LocalDate cutoff = LocalDate.now(zone).minusDays(reconciliation.missingAfterDays());
            Files.createDirectories(SETTLEMENT_REPORT.getParent());
            try (Writer out = Files.newBufferedWriter(SETTLEMENT_REPORT, StandardCharsets.UTF_8)) {
                SystemScope.run(
                        "demo settlement report",
                        () -> settlementSamples.writeAdyen(
                                new Partition(merchantId, Mode.TEST),
                                cutoff.minusDays(30).atStartOfDay(zone).toInstant(),
                                cutoff.atStartOfDay(zone).toInstant(),
                                10_000,
                                true,
                                cutoff.getYear() * 1000 + cutoff.getDayOfYear(),
                                out));
            }
            return SETTLEMENT_REPORT;
        } catch (IOException | RuntimeException e) {
            log.warn("The demo settlement report could not be written: {}", e.toString());
            return null;
        }
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
