package com.kontor.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Lets the one changelog migrate a single MariaDB and a Galera cluster alike, and several servers start at once
 * (PLAT-6).
 *
 * <p><b>Sequences.</b> Galera refuses {@code CREATE SEQUENCE} with a cache unless it steps by 0 ("CACHE without
 * INCREMENT BY 0"), and the landed changesets 0002 to 0010 create their sequences with MariaDB's default cache. They
 * stay as they are (their checksums are in every installation's changelog table); on a Galera node only, the
 * migration's connection adds {@code NOCACHE} to such a statement, and changeset 0025 then gives every sequence the
 * same Galera-safe form everywhere ({@code INCREMENT BY 0 NOCACHE}). Nothing else is rewritten.
 *
 * <p><b>Concurrent starts.</b> Liquibase's lock orders servers that migrate at once, but on an empty schema both
 * create the lock table first, and the second fails ("Table 'DATABASECHANGELOGLOCK' already exists"). The migration
 * is tried again, a bounded number of times, when it failed on such a race (a table that already exists, a duplicate
 * key, a deadlock or lock wait); the second try finds the lock table and waits for the lock.
 */
@Component
class GaleraSafeMigrations implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(GaleraSafeMigrations.class);
    static final int ATTEMPTS = 4;
    /** MariaDB: the table already exists. */
    private static final int TABLE_EXISTS = 1050;

    private static final Pattern CREATE_SEQUENCE =
            Pattern.compile("(?is)^(\\s*CREATE\\s+SEQUENCE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[`\\w.]+)(.*)$");
    private static final Pattern CACHE_GIVEN =
            Pattern.compile("(?is).*(\\bNOCACHE\\b|\\bCACHE\\b|INCREMENT\\s+BY\\s+0\\b).*");

    private final boolean enabled;

    GaleraSafeMigrations(Environment environment) {
        this.enabled = environment.getProperty("spring.liquibase.enabled", Boolean.class, true);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && enabled) {
            liquibase.setDataSource(galeraSafe(liquibase.getDataSource()));
            migrate(liquibase);
            // done here, under the retry: the container's own call finds nothing left to do
            liquibase.setShouldRun(false);
        }
        return bean;
    }

    private static void migrate(SpringLiquibase liquibase) {
        for (int attempt = 1; ; attempt++) {
            try {
                liquibase.afterPropertiesSet();
                return;
            } catch (Exception e) {
                if (attempt == ATTEMPTS || !isStartRace(e)) {
                    throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
                log.info(
                        "Migration met another server's (try {} of {}), trying again: {}",
                        attempt,
                        ATTEMPTS,
                        e.toString());
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(500, 1500L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while migrating", interrupted);
                }
            }
        }
    }

    /** Whether the migration failed because another server migrated at the same moment. */
    static boolean isStartRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == TABLE_EXISTS) {
                return true;
            }
        }
        return DatabaseErrors.isConflict(failure, true);
    }

    /** {@code sql} with {@code NOCACHE} added when it creates a sequence with the default cache; else unchanged. */
    static String withoutCache(String sql) {
        Matcher create = CREATE_SEQUENCE.matcher(sql);
        if (!create.matches() || CACHE_GIVEN.matcher(sql).matches()) {
            return sql;
        }
        return create.group(1) + " NOCACHE" + create.group(2);
    }

    /** A data source whose statements get {@link #withoutCache} on a Galera node (wsrep on); else the same one. */
    static DataSource galeraSafe(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(
                GaleraSafeMigrations.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (result instanceof Connection connection && isGalera(connection)) {
                        return proxy(Connection.class, connection, (p, m, a) -> {
                            Object made = invoke(connection, m, rewritten(a));
                            return made instanceof Statement statement && !(made instanceof java.sql.PreparedStatement)
                                    ? proxy(
                                            Statement.class,
                                            statement,
                                            (p2, m2, a2) -> invoke(statement, m2, rewritten(a2)))
                                    : made;
                        });
                    }
                    return result;
                });
    }

    private static boolean isGalera(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery("select @@wsrep_on")) {
            return result.next() && result.getInt(1) == 1;
        } catch (SQLException e) {
            return false; // a server built without wsrep does not know the variable
        }
    }

    /** The arguments with a leading SQL string passed through {@link #withoutCache}. */
    private static Object[] rewritten(Object[] args) {
        if (args != null && args.length > 0 && args[0] instanceof String sql) {
            Object[] copy = args.clone();
            copy[0] = withoutCache(sql);
            return copy;
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(GaleraSafeMigrations.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
