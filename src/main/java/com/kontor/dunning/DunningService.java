package com.kontor.dunning;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.debtor.DebtorService;
import com.kontor.dunning.internal.DunningNotices;
import com.kontor.dunning.internal.DunningSteps;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.DunningStatus;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.LockedProcess;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Partition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A process's and a debtor's dunning as people see and steer it (DUN-5, DUN-6): the steps so far, a level set by hand
 * (skip or repeat; with or without sending), the date of the next level amended. Reads for every role that sees
 * debtors; changes for FINANCE and ADMIN; always in the current partition.
 */
@Service
public class DunningService {

    private final DunningNotices notices;
    private final DunningSteps steps;
    private final DunningProcedures procedures;
    private final DunningBlockCheck blocks;
    private final DunningPermission permission;
    private final Ledger ledger;
    private final DebtorService debtors;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchants;
    private final AuditLog auditLog;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DunningService(
            DunningNotices notices,
            DunningSteps steps,
            DunningProcedures procedures,
            DunningBlockCheck blocks,
            DunningPermission permission,
            Ledger ledger,
            DebtorService debtors,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            MerchantDirectory merchants,
            AuditLog auditLog,
            JdbcTemplate jdbc,
            Clock clock) {
        this.notices = notices;
        this.steps = steps;
        this.procedures = procedures;
        this.blocks = blocks;
        this.permission = permission;
        this.ledger = ledger;
        this.debtors = debtors;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.merchants = merchants;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The process's dunning; refused for a process of another partition. */
    @Transactional(readOnly = true)
    public ProcessDunning ofProcess(long txid) {
        permission.requireRead();
        Partition partition = currentTenancy.requirePartition();
        Map<String, Object> row = jdbc
                .queryForList(
                        "select reminder_level, dunning_status, version from payment_process"
                                + " where txid = ? and partition_key = ?",
                        txid,
                        partition.key())
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No process " + txid + " in " + partition.key()));
        int maxLevel = procedures.current().map(p -> p.levels().size()).orElse(0);
        return new ProcessDunning(
                txid,
                ((Number) row.get("reminder_level")).intValue(),
                DunningStatus.valueOf((String) row.get("dunning_status")),
                notices.state(txid).map(DunningNotices.State::nextNoticeOn).orElse(null),
                blocks.blocked(partition, txid, today()),
                ((Number) row.get("version")).longValue(),
                maxLevel,
                notices.ofProcess(partition, txid));
    }

    /**
     * The debtor's dunning steps created from {@code from} to {@code to} (days in the merchant's time zone, both
     * included; null for open ends), newest first; {@code activeOnly}: of processes still open and in dunning.
     */
    @Transactional(readOnly = true)
    public List<DunningEntry> ofDebtor(long debtorId, LocalDate from, LocalDate to, boolean activeOnly) {
        permission.requireRead();
        Partition partition = currentTenancy.requirePartition();
        if (debtors.byId(debtorId).isEmpty()) {
            throw new IllegalArgumentException("No debtor " + debtorId + " in " + partition.key());
        }
        ZoneId zone = zone();
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
        Instant end = to == null
                ? Instant.parse("9999-01-01T00:00:00Z")
                : to.plusDays(1).atStartOfDay(zone).toInstant();
        return notices.ofDebtor(partition, debtorId, start, end, activeOnly);
    }

    /**
     * Sets the process's level by hand (DUN-5): 1..levels of the procedure or 5 (debt collection), also a level
     * skipped or one repeated. {@code send}: the letter and email go out and the level's fee is booked (or the case is
     * handed to debt collection); otherwise only the internal level changes. Refused as stale when the process changed
     * since {@code expectedVersion} was read.
     */
    @Transactional
    public DunningEntry setLevel(long txid, int level, boolean send, long expectedVersion) {
        permission.requireChange();
        Partition partition = currentTenancy.requirePartition();
        DunningProcedure procedure =
                procedures.current().orElseThrow(() -> new DunningRefused("dunning.refused.noProcedure"));
        boolean valid = (level >= 1 && level <= procedure.levels().size()) || level == DunningEntry.DEBT_COLLECTION;
        if (!valid) {
            throw new DunningRefused("dunning.refused.level");
        }
        LockedProcess process = ledger.lock(txid, BookingSource.USER)
                .orElseThrow(() -> new IllegalArgumentException("No process " + txid + " in " + partition.key()));
        if (process.version() != expectedVersion) {
            throw new DunningRefused("dunning.refused.stale");
        }
        steps.execute(partition, procedure, new DunningSteps.Request(txid, level, send, null, null, false), today());
        return notices.ofProcess(partition, txid).getFirst();
    }

    /** Amends the day the next level is due (DUN-5); not in the past. */
    @Transactional
    public void amendNextNotice(long txid, LocalDate date) {
        permission.requireChange();
        Partition partition = currentTenancy.requirePartition();
        if (date == null || date.isBefore(today())) {
            throw new DunningRefused("dunning.refused.nextNoticePast");
        }
        LockedProcess process = ledger.lock(txid, BookingSource.USER)
                .orElseThrow(() -> new IllegalArgumentException("No process " + txid + " in " + partition.key()));
        LocalDate before =
                notices.state(txid).map(DunningNotices.State::nextNoticeOn).orElse(null);
        notices.setNextNotice(partition, txid, date, Instant.now(clock));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", before == null ? null : before.toString());
        details.put("to", date.toString());
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                currentUser.require().asActor(),
                AuditEventType.DUNNING_NEXT_NOTICE_AMENDED,
                process.debtorId() == null
                        ? null
                        : debtors.debtorNumber(process.debtorId()).orElse(null),
                txid,
                null,
                details));
    }

    /** Whether the current user may change dunning (FINANCE, ADMIN). */
    public boolean mayChange() {
        return permission.mayChange();
    }

    private ZoneId zone() {
        return merchants.requireCurrent().settings().timeZone();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }
}
