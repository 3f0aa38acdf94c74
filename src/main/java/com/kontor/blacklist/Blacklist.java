package com.kontor.blacklist;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.blacklist.internal.BlacklistEntry;
import com.kontor.blacklist.internal.BlacklistEntryRepository;
import com.kontor.crypto.Fingerprints;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.text.FreeText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iban4j.IbanUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's blacklist of the current mode (BL-1..4): entries are keyed fingerprints of the full value plus a
 * masked display value, optionally expiring. Managed by SUPPORT and ADMIN of merchants with the risk module;
 * checked for every payment attempt (and by the shop's API).
 */
@Service
public class Blacklist {

    private final BlacklistEntryRepository entries;
    private final Fingerprints fingerprints;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchantDirectory;
    private final AuditLog auditLog;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public Blacklist(
            BlacklistEntryRepository entries,
            Fingerprints fingerprints,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            MerchantDirectory merchantDirectory,
            AuditLog auditLog,
            JdbcTemplate jdbc,
            Clock clock) {
        this.entries = entries;
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.fingerprints = fingerprints;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.merchantDirectory = merchantDirectory;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Puts a value on the blacklist (until {@code expiresOn}, inclusive, or unlimited when null). */
    @Transactional
    public BlacklistEntrySummary add(BlacklistKind kind, String value, LocalDate expiresOn) {
        KontorUser user = requireManager();
        Partition partition = currentTenancy.requirePartition();
        String normalised = kind.normalise(value);
        validate(kind, normalised, "value");
        if (expiresOn != null && expiresOn.isBefore(today())) {
            throw OperationRefused.onField("expiresOn", "blacklist.expiryInPast");
        }
        return store(
                user,
                partition,
                kind,
                fingerprints.of(kind.fingerprintKind(), normalised),
                kind.mask(normalised),
                expiresOn);
    }

    /**
     * Puts a debtor's stored value on the blacklist by its keyed fingerprint (BL-1 from the debtor view, where an
     * IBAN or card token is never in clear); {@code masked} is its display form.
     */
    @Transactional
    public BlacklistEntrySummary addFingerprint(
            BlacklistKind kind, String fingerprint, String masked, LocalDate expiresOn) {
        KontorUser user = requireManager();
        Partition partition = currentTenancy.requirePartition();
        if (fingerprint == null || !fingerprint.matches("[0-9a-f]{64}") || masked == null || masked.length() > 64) {
            throw OperationRefused.onField("value", "blacklist.invalid." + kind.name());
        }
        if (expiresOn != null && expiresOn.isBefore(today())) {
            throw OperationRefused.onField("expiresOn", "blacklist.expiryInPast");
        }
        return store(user, partition, kind, fingerprint, masked, expiresOn);
    }

    /** BL-2: the entry a stored value's fingerprint has on the current partition's blacklist, if active today. */
    @Transactional(readOnly = true)
    public java.util.Optional<BlacklistEntrySummary> entryFor(BlacklistKind kind, String fingerprint) {
        LocalDate today = today();
        return entries.findByKindAndFingerprint(kind, fingerprint)
                .filter(e -> e.activeOn(today))
                .map(Blacklist::view);
    }

    private BlacklistEntrySummary store(
            KontorUser user,
            Partition partition,
            BlacklistKind kind,
            String fingerprint,
            String masked,
            LocalDate expiresOn) {
        if (entries.findByKindAndFingerprint(kind, fingerprint).isPresent()) {
            throw OperationRefused.onField("value", "blacklist.already");
        }
        BlacklistEntry entry = entries.save(new BlacklistEntry(
                kind,
                fingerprint,
                masked,
                expiresOn,
                Instant.now(clock),
                user.isSystem() ? user.displayName() : user.email()));
        audit(partition, user, AuditEventType.BLACKLIST_ENTRY_ADDED, entry);
        return view(entry);
    }

    @Transactional
    public void remove(long entryId) {
        KontorUser user = requireManager();
        Partition partition = currentTenancy.requirePartition();
        BlacklistEntry entry =
                entries.findById(entryId).orElseThrow(() -> OperationRefused.because("blacklist.notFound"));
        entries.delete(entry);
        audit(partition, user, AuditEventType.BLACKLIST_ENTRY_REMOVED, entry);
    }

    @Transactional(readOnly = true)
    public List<BlacklistEntrySummary> list() {
        requireManager();
        return entries.findAllByOrderByCreatedAtDesc().stream()
                .map(Blacklist::view)
                .toList();
    }

    /** Whether the value is on the current partition's blacklist today. Blank values are never blacklisted. */
    @Transactional(readOnly = true)
    public boolean isBlacklisted(BlacklistKind kind, String value) {
        return isBlacklisted(kind, value, today());
    }

    /** The answer of {@code POST /api/v1/blacklist/check}: for each value given, whether it is blacklisted. */
    @Transactional(readOnly = true)
    public Map<BlacklistKind, Boolean> check(Map<BlacklistKind, String> values) {
        LocalDate today = today(); // once per check: it is on the path of every payment attempt
        Map<BlacklistKind, Boolean> result = new LinkedHashMap<>();
        values.forEach((kind, value) -> {
            String normalised = kind.normalise(value);
            validate(kind, normalised, kind.fieldName()); // a check takes only what an entry could hold
            result.put(kind, isBlacklisted(kind, value, today));
        });
        return result;
    }

    /** The keyed fingerprint of a value as the blacklist stores it (normalised first). */
    public String fingerprint(BlacklistKind kind, String value) {
        return fingerprints.of(kind.fingerprintKind(), kind.normalise(value));
    }

    /**
     * Which of these kinds has a fingerprint on the current partition's blacklist today: one query for a whole
     * payment attempt (BL-3), however many values it carries.
     */
    @Transactional(readOnly = true)
    public java.util.Set<BlacklistKind> blacklistedKinds(Map<BlacklistKind, ? extends Collection<String>> values) {
        java.util.List<String> all =
                values.values().stream().flatMap(Collection::stream).toList();
        if (all.isEmpty()) {
            return java.util.Set.of();
        }
        LocalDate today = today();
        java.util.Set<BlacklistKind> hits = java.util.EnumSet.noneOf(BlacklistKind.class);
        // plain SQL, which names the partition itself: Hibernate translates a query anew on every call while the
        // partition filter is on, and this one runs for every payment
        jdbc.query(
                "select kind, fingerprint, expires_on from blacklist_entry where partition_key = :partition"
                        + " and fingerprint in (:fingerprints)",
                Map.of("partition", currentTenancy.requirePartition().key(), "fingerprints", all),
                rs -> {
                    BlacklistKind kind = BlacklistKind.valueOf(rs.getString(1));
                    Collection<String> ofKind = values.get(kind);
                    LocalDate expiresOn = rs.getObject(3, LocalDate.class);
                    if (ofKind != null
                            && ofKind.contains(rs.getString(2))
                            && (expiresOn == null || !expiresOn.isBefore(today))) {
                        hits.add(kind);
                    }
                });
        return hits;
    }

    private boolean isBlacklisted(BlacklistKind kind, String value, LocalDate today) {
        String normalised = kind.normalise(value);
        if (normalised.isEmpty()) {
            return false;
        }
        return entries.findByKindAndFingerprint(kind, fingerprints.of(kind.fingerprintKind(), normalised))
                .filter(e -> e.activeOn(today))
                .isPresent();
    }

    private static void validate(BlacklistKind kind, String normalised, String field) {
        boolean valid = switch (kind) {
            case EMAIL -> normalised.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && normalised.length() <= 254;
            case IBAN -> IbanUtil.isValid(normalised);
            case CARD_TOKEN -> !normalised.isEmpty() && normalised.length() <= 100;
        };
        FreeText.Problem problem = FreeText.problem(normalised);
        if (problem != null) {
            throw OperationRefused.onField(field, problem.messageKey());
        }
        if (!valid) {
            throw OperationRefused.onField(field, "blacklist.invalid." + kind.name());
        }
    }

    private KontorUser requireManager() {
        KontorUser user = currentUser.require();
        if (!user.isSystem() && !user.hasRole(Role.SUPPORT) && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("The blacklist is managed by SUPPORT and ADMIN");
        }
        MerchantSummary merchant = merchantDirectory.requireCurrent();
        if (!merchant.hasModule(BookedModule.RISK)) {
            throw new AccessDeniedException("The risk management module is not booked");
        }
        return user;
    }

    private LocalDate today() {
        return LocalDate.now(
                clock.withZone(merchantDirectory.requireCurrent().settings().timeZone()));
    }

    private void audit(Partition partition, KontorUser user, AuditEventType type, BlacklistEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", entry.getKind().name());
        details.put("value", entry.getMasked());
        details.put(
                "expiresOn",
                entry.getExpiresOn() == null ? null : entry.getExpiresOn().toString());
        auditLog.record(new AuditEntry(
                partition.merchantId(), partition.mode().name(), user.asActor(), type, null, null, null, details));
    }

    private static BlacklistEntrySummary view(BlacklistEntry e) {
        return new BlacklistEntrySummary(
                e.getId(), e.getKind(), e.getMasked(), e.getExpiresOn(), e.getCreatedAt(), e.getCreatedBy());
    }
}
