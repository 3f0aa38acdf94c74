package com.kontor.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import org.springframework.stereotype.Component;

/**
 * The audit log's sealing key (AUD-3) as a fresh HMAC-SHA256 per use: the key stays on the server, so whoever can
 * write the database can change a record but cannot compute the seal that would hide the change.
 */
@Component
public class SealingKey {

    private final KeyRing keys;

    public SealingKey(KeyRing keys) {
        this.keys = keys;
    }

    public Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.auditKey());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
