package com.kontor.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The validated keys of {@link SecretsProperties}. Kontor does not start without them: a missing, short or
 * malformed key is a clear start-up error, never a silent fallback. The demo keys of the embedded start refuse
 * to run against any database but the embedded one. Never logs or prints a key.
 */
@Component
public class KeyRing {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> dataKeys = new LinkedHashMap<>();
    private final String currentDataKeyId;
    private final SecretKey fingerprintKey;
    private final SecretKey auditKey;

    public KeyRing(SecretsProperties properties, Environment environment) {
        if (properties.demo()) {
            String embedded = environment.getProperty("kontor.embedded.url");
            if (embedded == null || !embedded.equals(environment.getProperty("spring.datasource.url"))) {
                throw new MissingKeyException("The demo keys (kontor.secrets.demo=true) run only on the embedded"
                        + " MariaDB. Configure kontor.secrets.data-keys, current-data-key and fingerprint-key.");
            }
        }
        properties.dataKeys().forEach((id, base64) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new MissingKeyException(
                        "kontor.secrets.data-keys: key id '" + id + "' must be 1-16 letters, digits, '-' or '_'");
            }
            dataKeys.put(id, new SecretKeySpec(decode("kontor.secrets.data-keys." + id, base64), "AES"));
        });
        if (properties.currentDataKey() == null || !dataKeys.containsKey(properties.currentDataKey())) {
            throw new MissingKeyException("kontor.secrets.current-data-key (KONTOR_SECRETS_CURRENTDATAKEY) must"
                    + " name one of kontor.secrets.data-keys.<id>, e.g. KONTOR_SECRETS_DATAKEYS_K1 with"
                    + " current-data-key=k1; a key is 32 random bytes in Base64 (openssl rand -base64 32)");
        }
        this.currentDataKeyId = properties.currentDataKey();
        this.fingerprintKey = new SecretKeySpec(
                decode("kontor.secrets.fingerprint-key (KONTOR_SECRETS_FINGERPRINTKEY)", properties.fingerprintKey()),
                "HmacSHA256");
        this.auditKey = new SecretKeySpec(
                decode("kontor.secrets.audit-key (KONTOR_SECRETS_AUDITKEY)", properties.auditKey()), "HmacSHA256");
    }

    String currentDataKeyId() {
        return currentDataKeyId;
    }

    SecretKey dataKey(String id) {
        SecretKey key = dataKeys.get(id);
        if (key == null) {
            throw new MissingKeyException("No data key with id '" + id + "' is configured");
        }
        return key;
    }

    SecretKey fingerprintKey() {
        return fingerprintKey;
    }

    SecretKey auditKey() {
        return auditKey;
    }

    private static byte[] decode(String name, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new MissingKeyException(name + " is not set: 32 random bytes in Base64 (openssl rand -base64 32)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new MissingKeyException(name + " is not valid Base64");
        }
        if (key.length != KEY_BYTES) {
            throw new MissingKeyException(name + " must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        return Objects.requireNonNull(key);
    }
}
