package com.kontor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/** Starting the jar without keys ends in a short report naming the setting, not in a stack trace. */
class MissingKeyFailureAnalyzerTest {

    @Test
    void aStartWithoutKeysIsReportedAsWhatToSet() {
        Throwable start = new BeanCreationException(
                "keyRing",
                "Error creating bean",
                catchThrowable(() ->
                        new KeyRing(new SecretsProperties(Map.of(), null, null, null, false), new MockEnvironment())));

        FailureAnalysis analysis = registeredAnalyzer().analyze(start);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("kontor.secrets.current-data-key");
        assertThat(analysis.getAction()).contains("KONTOR_SECRETS_DATAKEYS_K1", "openssl rand -base64 32");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(registeredAnalyzer().analyze(new IllegalStateException("something else")))
                .isNull();
    }

    private static FailureAnalyzer registeredAnalyzer() {
        return SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, (type, name, failure) -> {})
                .stream()
                .filter(MissingKeyFailureAnalyzer.class::isInstance)
                .findFirst()
                .orElseThrow(() -> new AssertionError("MissingKeyFailureAnalyzer is not in META-INF/spring.factories"));
    }
}
