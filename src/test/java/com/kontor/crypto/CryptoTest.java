package com.kontor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** DEB-4 groundwork: values encrypted at rest with rotating keys, matched by keyed fingerprint. */
class CryptoTest {

    static final String K1 = key(1);
    static final String K2 = key(2);
    static final String FP = key(3);

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static KeyRing ring(Map<String, String> dataKeys, String current) {
        return new KeyRing(new SecretsProperties(dataKeys, current, FP, K2, false), new MockEnvironment());
    }

    @Test
    void anEncryptedValueDecryptsAndNeverShowsTheClearText() {
        FieldCipher cipher = new FieldCipher(ring(Map.of("k1", K1), "k1"));
        String iban = "DE89370400440532013000";
        String stored = cipher.encrypt(iban);
        assertThat(stored).startsWith("v1:k1:").doesNotContain(iban).doesNotContain("0532013000");
        assertThat(cipher.encrypt(iban)).isNotEqualTo(stored); // a fresh nonce every time
        assertThat(cipher.decrypt(stored)).isEqualTo(iban);
    }

    @Test
    void afterARotationOldValuesStillDecryptAndNewOnesUseTheNewKey() {
        String old = new FieldCipher(ring(Map.of("k1", K1), "k1")).encrypt("GB82WEST12345698765432");
        FieldCipher rotated = new FieldCipher(ring(Map.of("k1", K1, "k2", K2), "k2"));
        assertThat(rotated.decrypt(old)).isEqualTo("GB82WEST12345698765432");
        assertThat(rotated.encrypt("x")).startsWith("v1:k2:");
    }

    @Test
    void aTamperedValueOrAMissingKeyFailsInsteadOfReturningGarbage() {
        FieldCipher cipher = new FieldCipher(ring(Map.of("k1", K1), "k1"));
        String stored = cipher.encrypt("DE89370400440532013000");
        char last = stored.charAt(stored.length() - 3);
        String tampered = stored.substring(0, stored.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + stored.substring(stored.length() - 2);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(ring(Map.of("k2", K2), "k2")).decrypt(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("k1");
    }

    @Test
    void fingerprintsMatchEqualValuesAndDependOnKindAndKey() {
        Fingerprints fingerprints = new Fingerprints(ring(Map.of("k1", K1), "k1"));
        String a = fingerprints.of("iban", "DE89370400440532013000");
        assertThat(fingerprints.of("iban", "DE89370400440532013000"))
                .isEqualTo(a)
                .hasSize(64);
        assertThat(fingerprints.of("email", "DE89370400440532013000")).isNotEqualTo(a);
        Fingerprints otherKey = new Fingerprints(
                new KeyRing(new SecretsProperties(Map.of("k1", K1), "k1", K2, K1, false), new MockEnvironment()));
        assertThat(otherKey.of("iban", "DE89370400440532013000")).isNotEqualTo(a);
    }

    @Test
    void missingOrShortKeysStopTheStartWithAClearMessage() {
        assertThatThrownBy(() -> ring(Map.of(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("current-data-key");
        assertThatThrownBy(() -> ring(Map.of("k1", "c2hvcnQ="), "k1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new KeyRing(
                        new SecretsProperties(Map.of("k1", K1), "k1", null, K2, false), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fingerprint-key");
    }

    @Test
    void theDemoKeysRefuseAnyDatabaseButTheEmbeddedOne() {
        MockEnvironment real =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mariadb://db.example:3306/kontor");
        assertThatThrownBy(() -> new KeyRing(new SecretsProperties(Map.of("demo", K1), "demo", FP, K2, true), real))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("embedded");
        MockEnvironment embedded = new MockEnvironment()
                .withProperty("kontor.embedded.url", "jdbc:mariadb://127.0.0.1:4000/kontor")
                .withProperty("spring.datasource.url", "jdbc:mariadb://127.0.0.1:4000/kontor");
        new KeyRing(new SecretsProperties(Map.of("demo", K1), "demo", FP, K2, true), embedded);
    }
}
