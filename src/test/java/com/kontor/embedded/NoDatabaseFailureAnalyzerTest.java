package com.kontor.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Starting the jar without a database ends in a short report saying what to set, not in a stack trace. */
class NoDatabaseFailureAnalyzerTest {

    @Test
    void aStartWithoutADatabaseIsReportedAsWhatToSet() {
        FailureAnalyzer analyzer =
                SpringFactoriesLoader.forDefaultResourceLocation()
                        .load(FailureAnalyzer.class, null, (type, name, failure) -> {})
                        .stream()
                        .filter(NoDatabaseFailureAnalyzer.class::isInstance)
                        .findFirst()
                        .orElseThrow(() ->
                                new AssertionError("NoDatabaseFailureAnalyzer is not in META-INF/spring.factories"));

        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("start", new NoDatabaseException()));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("No database configured");
        assertThat(analysis.getAction()).contains("KONTOR_DB_URL", "KONTOR_DB_USER", "KONTOR_DB_PASSWORD");
    }
}
