package com.kontor.api;

import com.kontor.api.internal.ApiKey;
import com.kontor.api.internal.ApiKeyRepository;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PortalSummary;
import com.kontor.tenancy.Role;
import com.kontor.text.FreeText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API keys per portal and mode (API-1): random 256-bit secrets, shown once at creation, stored as SHA-256 (a slow
 * password hash would cost tens of milliseconds on every request; a 256-bit random secret needs none). An ADMIN
 * creates and revokes them in the current mode; a revoked key stops working at once.
 */
@Service
public class ApiKeys {

    private static final int SECRET_BYTES = 32;

    private final ApiKeyRepository keys;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchantDirectory;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(
            ApiKeyRepository keys,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            MerchantDirectory merchantDirectory,
            AuditLog auditLog,
            Clock clock) {
        this.keys = keys;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.merchantDirectory = merchantDirectory;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The keys of the current merchant and mode. */
    @Transactional(readOnly = true)
    public List<ApiKeySummary> list() {
        requireAdmin();
        Map<Long, String> portals = portalNames();
        return keys.findAllByOrderByCreatedAtDesc().stream()
                .map(k -> summarise(k, portals))
                .toList();
    }

    /** A new key for a portal of the current merchant, in the current mode. */
    @Transactional
    public CreatedApiKey create(long portalId, String name) {
        KontorUser admin = requireAdmin();
        Partition partition = currentTenancy.requirePartition();
        String secret = "kontor_" + partition.mode().urlSegment() + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        return store(partition, admin, portalId, name, secret);
    }

    /**
     * A key with a given secret: only for Kontor itself (the demo data's published test keys). Refused for people.
     */
    @Transactional
    public CreatedApiKey createWithSecret(long portalId, String name, String secret) {
        KontorUser system = currentUser.require();
        if (!system.isSystem()) {
            throw new AccessDeniedException("Only Kontor itself sets a key's secret");
        }
        return store(currentTenancy.requirePartition(), system, portalId, name, secret);
    }

    @Transactional
    public void revoke(long keyId) {
        KontorUser admin = requireAdmin();
        ApiKey key = keys.findById(keyId).orElseThrow(() -> OperationRefused.because("apiKey.notFound"));
        if (key.isRevoked()) {
            return;
        }
        key.revoke(Instant.now(clock), admin.email());
        knownKeys.invalidateAll(); // this server refuses the key at once
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                knownKeys.invalidateAll(); // and a request between the change and its commit cannot bring it back
            }
        });
        Partition partition = currentTenancy.requirePartition();
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                admin.asActor(),
                AuditEventType.API_KEY_REVOKED,
                null,
                null,
                null,
                Map.of("key", key.getKeyHint(), "name", key.getName())));
    }

    /**
     * The principal of a presented key, or empty for an unknown or revoked one. Known keys are remembered for
     * {@link #CACHE_TTL} (every API request authenticates); a revocation on this server forgets them at once, one on
     * another server takes effect within the TTL. Unknown keys are never remembered, so a new key works at once.
     */
    public Optional<ApiKeyPrincipal> authenticate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(presented.strip());
        ApiKeyPrincipal known = knownKeys.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ApiKeyPrincipal> principal = lookUp(hash);
        principal.ifPresent(p -> knownKeys.put(hash, p));
        return principal;
    }

    private Optional<ApiKeyPrincipal> lookUp(String hash) {
        return keys.findActiveByHash(hash)
                .map(k -> new ApiKeyPrincipal(
                        k.getId(), Partition.ofKey(k.getPartitionKey()), k.getPortalId(), k.getName()));
    }

    /** How long another server may still accept a key after it was revoked. */
    static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(5);

    private final com.github.benmanes.caffeine.cache.Cache<String, ApiKeyPrincipal> knownKeys =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(CACHE_TTL)
                    .maximumSize(10_000)
                    .build();

    private CreatedApiKey store(Partition partition, KontorUser actor, long portalId, String name, String secret) {
        Map<Long, String> portals = portalNames();
        if (!portals.containsKey(portalId)) {
            throw OperationRefused.onField("portal", "apiKey.portalUnknown");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw OperationRefused.onField("name", "apiKey.nameInvalid");
        }
        FreeText.Problem problem = FreeText.problem(cleanName);
        if (problem != null) {
            throw OperationRefused.onField("name", problem.messageKey());
        }
        String hint = secret.substring(0, Math.min(secret.length(), 16)) + "…";
        ApiKey key = keys.save(new ApiKey(
                portalId,
                cleanName,
                sha256(secret),
                hint,
                Instant.now(clock),
                actor.isSystem() ? actor.displayName() : actor.email()));
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                actor.asActor(),
                AuditEventType.API_KEY_CREATED,
                null,
                null,
                null,
                Map.of("portal", portals.get(portalId), "name", cleanName, "key", hint)));
        return new CreatedApiKey(summarise(key, portals), secret);
    }

    private KontorUser requireAdmin() {
        KontorUser user = currentUser.require();
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("API keys are managed by an ADMIN");
        }
        return user;
    }

    private Map<Long, String> portalNames() {
        return merchantDirectory.requireCurrent().portals().stream()
                .collect(Collectors.toMap(PortalSummary::id, PortalSummary::name));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiKeySummary summarise(ApiKey k, Map<Long, String> portals) {
        return new ApiKeySummary(
                k.getId(),
                k.getPortalId(),
                portals.getOrDefault(k.getPortalId(), "?"),
                k.getName(),
                k.getKeyHint(),
                k.getCreatedAt(),
                k.getCreatedBy(),
                k.getRevokedAt());
    }
}
