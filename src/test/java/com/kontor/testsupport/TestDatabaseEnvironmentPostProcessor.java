package com.kontor.testsupport;

import com.kontor.embedded.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The tests' database: real MariaDB, a fresh schema per test run. By default one embedded server per test JVM
 * (binaries kept under target/mariadb-test, so only the first run unpacks them); with {@code KONTOR_TEST_DB_URL}
 * (e.g. {@code jdbc:mariadb://127.0.0.1:3306/}, plus {@code KONTOR_TEST_DB_USER}/{@code KONTOR_TEST_DB_PASSWORD})
 * an external server instead. Runs before the main embedded-database post-processor, which then does nothing.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static String url;
    private static EmbeddedMariaDb embedded;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String user = env("KONTOR_TEST_DB_USER", "root");
        String password = env("KONTOR_TEST_DB_PASSWORD", "");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database(user, password));
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        environment.getPropertySources().addFirst(new MapPropertySource("kontorTestDatabase", properties));
    }

    private static synchronized String database(String user, String password) {
        if (url == null) {
            String server = System.getenv("KONTOR_TEST_DB_URL");
            if (server == null || server.isBlank()) {
                EmbeddedMariaDb db = EmbeddedMariaDb.startIn(Path.of("target", "mariadb-test"));
                embedded = db;
                server = "jdbc:mariadb://127.0.0.1:" + db.port() + "/";
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        db.stop();
                    } catch (Exception e) {
                        System.err.println("Could not stop the test MariaDB: " + e.getMessage());
                    }
                }));
            }
            String base = server.endsWith("/") ? server : server + "/";
            String schema = "kontor_t" + System.currentTimeMillis();
            execute(
                    base,
                    user,
                    password,
                    "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(() -> execute(base, user, password, "DROP DATABASE IF EXISTS " + schema)));
            url = base + schema;
            System.out.println("Tests use MariaDB schema " + url);
        }
        return url;
    }

    /** The embedded server of this test JVM; empty with an external one ({@code KONTOR_TEST_DB_URL}). */
    public static synchronized Optional<EmbeddedMariaDb> embeddedServer() {
        return Optional.ofNullable(embedded);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database: " + sql + " failed on " + url, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}
