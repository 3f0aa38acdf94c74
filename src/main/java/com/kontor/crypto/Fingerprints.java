package com.kontor.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import org.springframework.stereotype.Component;

/**
 * Keyed fingerprints (HMAC-SHA256) of normalised values: equal values give equal fingerprints, so an IBAN, email or
 * card token can be matched (blacklist, search) without storing or comparing it in clear. Without the key nobody
 * can compute one, so a stolen table does not reveal values by guessing. The caller normalises first; a
 * {@code kind} prefix keeps an email and an IBAN of the same text apart.
 */
@Component
public class Fingerprints {

    private final KeyRing keys;

    public Fingerprints(KeyRing keys) {
        this.keys = keys;
    }

    public String of(String kind, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.fingerprintKey());
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Fingerprint failed", e);
        }
    }
}
