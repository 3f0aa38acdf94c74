package com.kontor.debtor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.debtor.internal.Debtor;
import com.kontor.debtor.internal.DebtorChangeRepository;
import com.kontor.debtor.internal.DebtorHistory;
import com.kontor.debtor.internal.DebtorRepository;
import com.kontor.debtor.internal.DebtorWords;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Debtors of the current merchant and mode: master data (DEB-1) and their history (DEB-5). Every creation and
 * change is kept field by field (who, when, old, new) and audited; a debtor is never deleted (DEB-2).
 */
@Service
@Validated
public class DebtorService {

    /** The merchant's customer number as API.md allows it: 1-50 of A-Z a-z 0-9 . _ - (case-sensitive). */
    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9._-]{1,50}");

    private final DebtorRepository debtors;
    private final DebtorChangeRepository changes;
    private final CurrentTenancy currentTenancy;
    private final EditPermission editPermission;
    private final DebtorWords words;
    private final DebtorHistory history;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Cache<String, Long> debtorNumbers =
            Caffeine.newBuilder().maximumSize(100_000).build();

    public DebtorService(
            DebtorRepository debtors,
            DebtorChangeRepository changes,
            CurrentTenancy currentTenancy,
            EditPermission editPermission,
            DebtorWords words,
            DebtorHistory history,
            AuditLog auditLog,
            Clock clock) {
        this.words = words;
        this.history = history;
        this.editPermission = editPermission;
        this.debtors = debtors;
        this.changes = changes;
        this.currentTenancy = currentTenancy;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Whether a customer number has the form API.md allows: 1-50 of A-Z a-z 0-9 . _ - */
    public static boolean isValidCustomerId(String customerId) {
        return customerId != null && CUSTOMER_ID.matcher(customerId).matches();
    }

    /** One page of the partition's debtors, newest first. */
    @Transactional(readOnly = true)
    public List<DebtorSummary> page(int offset, int limit) {
        return debtors.findAllBy(PageRequest.of(offset / limit, limit, Sort.by(Sort.Direction.DESC, "id"))).stream()
                .map(DebtorService::summarise)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<DebtorSummary> byId(long id) {
        return debtors.findById(id).map(DebtorService::summarise);
    }

    @Transactional(readOnly = true)
    public Optional<DebtorSummary> byDebtorNumber(long debtorNumber) {
        return debtors.findByDebtorNumber(debtorNumber).map(DebtorService::summarise);
    }

    /** A debtor of the current partition by its debtor number (the detail view's URL, SRCH-4). */
    @Transactional(readOnly = true)
    public Optional<DebtorDetails> detailsByNumber(long debtorNumber) {
        return debtors.findByDebtorNumber(debtorNumber).map(DebtorService::detailsOf);
    }

    @Transactional(readOnly = true)
    public Optional<DebtorDetails> details(long id) {
        return debtors.findById(id).map(DebtorService::detailsOf);
    }

    @Transactional(readOnly = true)
    public Optional<DebtorDetails> byCustomerId(String customerId) {
        return debtors.findInPartitionByCustomerId(
                        currentTenancy.requirePartition().key(), customerId)
                .map(DebtorService::detailsOf);
    }

    /**
     * The debtor with this customer number, its row locked until the transaction ends: requests that set the same
     * debtor's master data at the same moment take their turns instead of overwriting each other.
     */
    @Transactional
    public Optional<DebtorDetails> lockedByCustomerId(String customerId) {
        return debtors.lockInPartitionByCustomerId(
                        currentTenancy.requirePartition().key(), customerId)
                .map(DebtorService::detailsOf);
    }

    /**
     * The debtor number of a debtor of the current partition. Debtor numbers never change, so they are remembered
     * (per partition and id): bookings from notifications name the debtor without reading it each time. No
     * transaction of its own: a hit costs no round trip, and the repository reads a miss in the caller's or its own.
     */
    public Optional<Long> debtorNumber(long id) {
        String key = currentTenancy.requirePartition().key() + "/" + id;
        Long known = debtorNumbers.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> number = debtors.findById(id).map(Debtor::getDebtorNumber);
        number.ifPresent(n -> debtorNumbers.put(key, n));
        return number;
    }

    /** Counts through native SQL, which must name the partition itself (Hibernate does not filter it). */
    @Transactional(readOnly = true)
    public long count() {
        return debtors.countInPartition(currentTenancy.requirePartition().key());
    }

    /** A new debtor with the merchant's customer number; its debtor number is generated, unique on the platform. */
    @Transactional
    public DebtorDetails create(String customerId, @Valid MasterData data, Actor actor) {
        Partition partition = requireCreatable(customerId);
        if (debtors.findByCustomerId(customerId).isPresent()) {
            throw OperationRefused.onField("customerId", "debtor.customerIdTaken");
        }
        return insert(partition, customerId, data, actor);
    }

    /**
     * A new debtor for a customer number the caller has just looked up in its transaction and not found
     * ({@link #byCustomerId}); a parallel creation of the same number is still refused by the unique constraint.
     */
    @Transactional
    public DebtorDetails createUnknown(String customerId, @Valid MasterData data, Actor actor) {
        return insert(requireCreatable(customerId), customerId, data, actor);
    }

    /** The partition a debtor with this customer number may be created in by the current user. */
    private Partition requireCreatable(String customerId) {
        editPermission.require();
        Partition partition = currentTenancy.requirePartition();
        if (!isValidCustomerId(customerId)) {
            throw OperationRefused.onField("customerId", "debtor.customerIdInvalid");
        }
        return partition;
    }

    private DebtorDetails insert(Partition partition, String customerId, MasterData data, Actor actor) {
        Instant now = Instant.now(clock);
        Debtor debtor = debtors.save(new Debtor(debtors.nextDebtorNumber(), customerId, data, now));
        // remembered before the commit: should it roll back, the id is never used again (a sequence)
        debtorNumbers.put(partition.key() + "/" + debtor.getId(), debtor.getDebtorNumber());
        debtors.flush(); // the search words refer to the row
        // a new debtor has no words to delete: a delete would take a gap lock and deadlock concurrent creations
        words.insert(partition.key(), List.of(Map.entry(debtor.getId(), data)));
        Map<String, String> empty = new LinkedHashMap<>();
        data.asFields().keySet().forEach(field -> empty.put(field, null));
        Map<String, String[]> changed = record(partition, debtor, empty, data.asFields(), actor, now);
        audit(partition, actor, AuditEventType.DEBTOR_CREATED, debtor, changed);
        return detailsOf(debtor);
    }

    /**
     * Sets the master data as given. Refused when the debtor changed since {@code expectedVersion} was read (by a
     * colleague or the shop's API): nothing is overwritten blindly.
     */
    @Transactional
    public DebtorDetails update(long debtorId, long expectedVersion, @Valid MasterData data, Actor actor) {
        editPermission.require();
        Partition partition = currentTenancy.requirePartition();
        Debtor debtor = debtors.findById(debtorId).orElseThrow(() -> OperationRefused.because("debtor.notFound"));
        if (debtor.getVersion() != expectedVersion) {
            throw OperationRefused.because("debtor.changedMeanwhile");
        }
        Map<String, String> before = debtor.masterData().asFields();
        Instant now = Instant.now(clock);
        Map<String, String[]> changed = record(partition, debtor, before, data.asFields(), actor, now);
        if (!changed.isEmpty()) {
            debtor.setMasterData(data, now);
            debtors.flush(); // the version check of JPA guards against a change between load and commit
            words.replace(partition.key(), debtor.getId(), data);
            audit(partition, actor, AuditEventType.DEBTOR_CHANGED, debtor, changed);
        }
        return detailsOf(debtor);
    }

    /** The outcome of {@link #put}: the debtor and whether it was created. */
    public record PutResult(DebtorDetails debtor, boolean created) {}

    /**
     * Creates the debtor with this customer number or sets its master data as given (the shop's API, DEB-5), in
     * one transaction.
     */
    @Transactional
    public PutResult put(String customerId, @Valid MasterData data, Actor actor) {
        Optional<Debtor> existing = customerId == null
                ? Optional.empty()
                : debtors.lockInPartitionByCustomerId(
                        currentTenancy.requirePartition().key(), customerId);
        if (existing.isEmpty()) {
            return new PutResult(create(customerId, data, actor), true);
        }
        return new PutResult(update(existing.get().getId(), existing.get().getVersion(), data, actor), false);
    }

    /** The change history of a debtor of the current partition, oldest first. */
    @Transactional(readOnly = true)
    public List<MasterDataChange> history(long debtorId) {
        return changes.findByDebtorIdOrderByChangedAtAscIdAsc(debtorId).stream()
                .map(c -> new MasterDataChange(
                        c.getChangedAt(),
                        c.getActorType(),
                        c.getActorName(),
                        c.getField(),
                        c.getOldValue(),
                        c.getNewValue()))
                .toList();
    }

    private Map<String, String[]> record(
            Partition partition,
            Debtor debtor,
            Map<String, String> before,
            Map<String, String> after,
            Actor actor,
            Instant at) {
        Map<String, String[]> changed = new LinkedHashMap<>();
        List<DebtorHistory.Change> rows = new ArrayList<>();
        after.forEach((field, value) -> {
            String old = before.get(field);
            if (!Objects.equals(old, value)) {
                changed.put(field, new String[] {old, value});
                rows.add(new DebtorHistory.Change(field, old, value));
            }
        });
        history.record(partition.key(), debtor.getId(), at, actor, rows);
        return changed;
    }

    private void audit(
            Partition partition, Actor actor, AuditEventType type, Debtor debtor, Map<String, String[]> changed) {
        AuditEntry entry = new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                actor,
                type,
                debtor.getDebtorNumber(),
                null,
                null,
                Map.of());
        for (Map.Entry<String, String[]> c : changed.entrySet()) {
            entry = entry.withChange(c.getKey(), c.getValue()[0], c.getValue()[1]);
        }
        auditLog.record(entry);
    }

    private static DebtorDetails detailsOf(Debtor d) {
        return new DebtorDetails(
                d.getId(),
                d.getDebtorNumber(),
                d.getCustomerId(),
                d.masterData(),
                d.getVersion(),
                d.getCreatedAt(),
                d.getUpdatedAt());
    }

    private static DebtorSummary summarise(Debtor d) {
        return new DebtorSummary(
                d.getId(),
                d.getDebtorNumber(),
                d.getCustomerId(),
                d.getFirstName(),
                d.getLastName(),
                d.getCompany(),
                d.getCity(),
                d.getEmail(),
                d.getCreatedAt());
    }
}
