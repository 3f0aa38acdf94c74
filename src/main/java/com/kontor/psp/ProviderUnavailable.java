package com.kontor.psp;

/** A transient failure (connection refused, 5xx, timeout): the gateway retries the request with backoff. */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message) {
        super(message);
    }
}
