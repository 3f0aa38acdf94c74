package com.kontor.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start without (valid) keys into Spring Boot's short "APPLICATION FAILED TO START" report: what is wrong and
 * what to do, without the stack trace a newcomer would otherwise have to read through. Registered in
 * {@code META-INF/spring.factories}.
 */
class MissingKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingKeyException cause) {
        return new FailureAnalysis(
                "Kontor has no usable keys: " + cause.getMessage(),
                "Set the keys in the environment (KONTOR_SECRETS_DATAKEYS_K1, KONTOR_SECRETS_CURRENTDATAKEY=k1,"
                        + " KONTOR_SECRETS_FINGERPRINTKEY, KONTOR_SECRETS_AUDITKEY; each 32 random bytes in Base64:"
                        + " openssl rand -base64 32), or start with ./mvnw for the embedded demo.",
                cause);
    }
}
