package com.kontor.crypto;

/**
 * A key of {@code kontor.secrets.*} is missing or unusable, so Kontor must not start. Its message names the setting
 * and how to make a key; {@link MissingKeyFailureAnalyzer} prints it as the reason instead of a stack trace.
 */
public class MissingKeyException extends IllegalStateException {

    MissingKeyException(String message) {
        super(message);
    }
}
