package com.kontor.api;

/** A new key and its secret, which is shown this once and never again (only its SHA-256 is stored). */
public record CreatedApiKey(ApiKeySummary key, String secret) {

    @Override
    public String toString() {
        return "CreatedApiKey[" + key.hint() + "]";
    }
}
