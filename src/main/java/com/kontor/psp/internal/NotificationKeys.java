package com.kontor.psp.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kontor.crypto.FieldCipher;
import com.kontor.tenancy.Partition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys a notification is checked against (PSP-3): the account a PAYONE or Adyen notification names, looked up
 * across partitions before Kontor knows the partition (trusted caller only), with its decrypted keys. Cached for
 * {@link #TTL}: providers send in bursts; a change through this server evicts at once ({@link #forget()}).
 */
@Component
public class NotificationKeys {

    /** How long another server may accept a key after it was changed or rotated out there (grace periods are longer). */
    public static final Duration TTL = Duration.ofSeconds(5);

    private final ProviderAccountRepository accounts;
    private final FieldCipher cipher;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final Cache<String, Optional<AccountKeys>> cache =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

    public NotificationKeys(
            ProviderAccountRepository accounts,
            FieldCipher cipher,
            NotificationProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** The account a PAYONE notification names by its portal id, with its key. */
    public Optional<AccountKeys> payone(String payonePortalId) {
        return cached(
                "payone:" + payonePortalId,
                () -> accounts.findAnyByPayonePortalId(payonePortalId)
                        .filter(a -> a.getPayoneKeyCipher() != null)
                        .map(a -> new AccountKeys(
                                a.getId(),
                                Partition.ofKey(a.getPartition()),
                                a.getPortalId(),
                                cipher.decrypt(a.getPayoneKeyCipher()),
                                List.of())));
    }

    /** The account an Adyen notification names, with its valid HMAC keys (the previous one within its grace). */
    public Optional<AccountKeys> adyen(String merchantAccount) {
        return cached("adyen:" + merchantAccount, () -> {
            Instant now = Instant.now(clock);
            return accounts.findAnyByAdyenMerchantAccount(merchantAccount)
                    .filter(a -> a.getAdyenHmacKeyCipher() != null)
                    .map(a -> {
                        List<byte[]> keys = new ArrayList<>(2);
                        keys.add(HexFormat.of().parseHex(cipher.decrypt(a.getAdyenHmacKeyCipher())));
                        if (previousValid(a, now)) {
                            keys.add(HexFormat.of().parseHex(cipher.decrypt(a.getAdyenPreviousKeyCipher())));
                        }
                        return new AccountKeys(
                                a.getId(), Partition.ofKey(a.getPartition()), a.getPortalId(), null, keys);
                    });
        });
    }

    /** Whether the key rotated out last is still accepted (its grace period, PSP-5). */
    public boolean previousValid(ProviderAccount a, Instant now) {
        return a.getAdyenPreviousKeyCipher() != null
                && a.getAdyenKeyRotatedAt() != null
                && now.isBefore(a.getAdyenKeyRotatedAt().plus(properties.keyGracePeriod()));
    }

    /** The changed identifiers and keys apply at once on this server. */
    public void forget() {
        cache.invalidateAll();
    }

    private Optional<AccountKeys> cached(String key, Supplier<Optional<AccountKeys>> load) {
        // no transaction around a hit: a notification whose account is known costs no round trip for it (a read-only
        // transaction costs four: autocommit and read-only set, then both reset)
        return cache.get(key, k -> readOnly.execute(status -> load.get()));
    }
}
