package com.kontor.crypto;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kontor.secrets.*}: the keys that protect sensitive data, from configuration or the environment, never
 * from the repository. Each key is 32 random bytes, Base64-encoded ({@code openssl rand -base64 32}).
 *
 * @param dataKeys          AES-256 keys by key id; every stored ciphertext names its key id, so keys can rotate
 * @param currentDataKey    the id of the key that encrypts new values (old keys stay for decryption)
 * @param fingerprintKey    HMAC-SHA256 key for fingerprints (matching IBANs, emails, card tokens without clear text)
 * @param auditKey          HMAC-SHA256 key that seals the audit log's chain (AUD-3): without it nobody can forge a seal
 * @param demo              true only for the demo keys of the embedded start, which refuse any other database
 */
@ConfigurationProperties("kontor.secrets")
public record SecretsProperties(
        @DefaultValue Map<String, String> dataKeys,
        String currentDataKey,
        String fingerprintKey,
        String auditKey,
        @DefaultValue("false") boolean demo) {}
