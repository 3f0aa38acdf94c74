package com.kontor.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start without a database into Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack
 * trace. Registered in {@code META-INF/spring.factories}.
 */
class NoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set KONTOR_DB_URL (e.g. jdbc:mariadb://db:3306/kontor), KONTOR_DB_USER and KONTOR_DB_PASSWORD, or"
                        + " start from the source tree with ./mvnw.",
                cause);
    }
}
