package com.kontor.dunning;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.debtor.DebtorService;
import com.kontor.ledger.LedgerQueries;
import com.kontor.ledger.ProcessDetails;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.text.FreeText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dunning blocks (DUN-4) of the current merchant and mode: a block of a debtor stops the dunning of all its
 * processes, a block of a process that process only, each until its end date (inclusive) or until lifted. FINANCE
 * and ADMIN set and lift them, SUPPORT, FINANCE, AUDITOR and ADMIN read them, all with the dunning module booked.
 * The daily run reads the table itself (NOT EXISTS); {@link #blocked(long, LocalDate)} answers the same question for
 * one process.
 */
@Service
public class DunningBlocks {

    /** Longest reason the table holds. */
    public static final int MAX_REASON = 500;

    private static final String COLUMNS =
            "id, debtor_id, txid, reason, ends_on, created_at, created_by, lifted_at, lifted_by";

    private final JdbcTemplate jdbc;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchantDirectory;
    private final DebtorService debtors;
    private final LedgerQueries ledger;
    private final AuditLog auditLog;
    private final Clock clock;
    private final DunningBlockCheck check;
    private final DunningPermission permission;

    public DunningBlocks(
            JdbcTemplate jdbc,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            MerchantDirectory merchantDirectory,
            DebtorService debtors,
            LedgerQueries ledger,
            AuditLog auditLog,
            Clock clock,
            DunningBlockCheck check,
            DunningPermission permission) {
        this.permission = permission;
        this.jdbc = jdbc;
        this.check = check;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.merchantDirectory = merchantDirectory;
        this.debtors = debtors;
        this.ledger = ledger;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Blocks the dunning of all the debtor's processes until {@code endsOn} (inclusive; null: until lifted). */
    @Transactional
    public DunningBlock blockDebtor(long debtorId, String reason, LocalDate endsOn) {
        KontorUser user = permission.requireChange();
        Partition partition = currentTenancy.requirePartition();
        long debtorNumber = debtors.byId(debtorId)
                .orElseThrow(() -> OperationRefused.because("dunningBlock.debtorNotFound"))
                .debtorNumber();
        return insert(user, partition, debtorId, null, debtorNumber, reason, endsOn);
    }

    /** Blocks the dunning of one process until {@code endsOn} (inclusive; null: until lifted). */
    @Transactional
    public DunningBlock blockProcess(long txid, String reason, LocalDate endsOn) {
        KontorUser user = permission.requireChange();
        Partition partition = currentTenancy.requirePartition();
        ProcessDetails process =
                ledger.summary(txid).orElseThrow(() -> OperationRefused.because("dunningBlock.processNotFound"));
        Long debtorNumber = process.debtorId() == null
                ? null
                : debtors.debtorNumber(process.debtorId()).orElse(null);
        return insert(user, partition, null, txid, debtorNumber, reason, endsOn);
    }

    /** Lifts a block of the current partition from now on; a lifted block stays in the history. */
    @Transactional
    public DunningBlock lift(long blockId) {
        KontorUser user = permission.requireChange();
        Partition partition = currentTenancy.requirePartition();
        List<DunningBlock> found = jdbc.query(
                "select " + COLUMNS + " from dunning_block where id = ? and partition_key = ? for update",
                DunningBlocks::row,
                blockId,
                partition.key());
        if (found.isEmpty()) {
            throw OperationRefused.because("dunningBlock.notFound");
        }
        DunningBlock block = found.getFirst();
        if (block.liftedAt() != null) {
            throw OperationRefused.because("dunningBlock.alreadyLifted");
        }
        Instant now = Instant.now(clock);
        jdbc.update(
                "update dunning_block set lifted_at = ?, lifted_by = ? where id = ?",
                utc(now),
                actorName(user),
                blockId);
        DunningBlock lifted = new DunningBlock(
                block.id(),
                block.debtorId(),
                block.txid(),
                block.reason(),
                block.endsOn(),
                block.createdAt(),
                block.createdBy(),
                now,
                actorName(user));
        audit(partition, user, AuditEventType.DUNNING_BLOCK_LIFTED, lifted, debtorNumberOf(lifted));
        return lifted;
    }

    /** The debtor's own blocks (not those of its single processes), newest first, lifted ones included. */
    @Transactional(readOnly = true)
    public List<DunningBlock> ofDebtor(long debtorId) {
        permission.requireRead();
        return jdbc.query(
                "select " + COLUMNS + " from dunning_block where debtor_id = ? and partition_key = ? order by id desc",
                DunningBlocks::row,
                debtorId,
                currentTenancy.requirePartition().key());
    }

    /** The blocks that concern a process: its own and its debtor's, newest first, lifted ones included. */
    @Transactional(readOnly = true)
    public List<DunningBlock> ofProcess(long txid) {
        permission.requireRead();
        return forProcess(txid);
    }

    /**
     * Whether the process's dunning is blocked on that day by a block of its own or of its debtor. For services
     * and jobs of the current partition (no role needed: it reveals nothing but this answer).
     */
    @Transactional(readOnly = true)
    public boolean blocked(long txid, LocalDate day) {
        return check.blocked(currentTenancy.requirePartition(), txid, day);
    }

    /** Whether the person now logged in may see dunning (blocks, steps) here: a reading role and the module. */
    public boolean mayRead() {
        return permission.mayRead();
    }

    /** Whether the person now logged in may set and lift blocks and change levels (FINANCE, ADMIN) here. */
    public boolean mayChange() {
        return permission.mayChange();
    }

    /** Today in the merchant's time zone: the day an end date is compared with. */
    public LocalDate today() {
        return LocalDate.now(
                clock.withZone(merchantDirectory.requireCurrent().settings().timeZone()));
    }

    private List<DunningBlock> forProcess(long txid) {
        String partition = currentTenancy.requirePartition().key();
        Long debtorId = ledger.summary(txid)
                .orElseThrow(() -> OperationRefused.because("dunningBlock.processNotFound"))
                .debtorId();
        if (debtorId == null) {
            return jdbc.query(
                    "select " + COLUMNS + " from dunning_block where txid = ? and partition_key = ? order by id desc",
                    DunningBlocks::row,
                    txid,
                    partition);
        }
        // two index lookups (ix_dunning_block_txid, ix_dunning_block_debtor) rather than one OR over both columns
        return jdbc.query(
                "select " + COLUMNS + " from dunning_block where txid = ? and partition_key = ?"
                        + " union all select " + COLUMNS
                        + " from dunning_block where debtor_id = ? and partition_key = ?"
                        + " order by id desc",
                DunningBlocks::row,
                txid,
                partition,
                debtorId,
                partition);
    }

    private DunningBlock insert(
            KontorUser user,
            Partition partition,
            Long debtorId,
            Long txid,
            Long debtorNumber,
            String reason,
            LocalDate endsOn) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw OperationRefused.onField("reason", "dunningBlock.reasonRequired");
        }
        if (text.length() > MAX_REASON) {
            throw OperationRefused.onField("reason", "dunningBlock.reasonTooLong", MAX_REASON);
        }
        FreeText.Problem problem = FreeText.problem(text);
        if (problem != null) {
            throw OperationRefused.onField("reason", problem.messageKey());
        }
        if (endsOn != null && endsOn.isBefore(today())) {
            throw OperationRefused.onField("endsOn", "dunningBlock.endInPast");
        }
        Instant now = Instant.now(clock);
        String by = actorName(user);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(
                            "insert into dunning_block (partition_key, debtor_id, txid, reason, ends_on, created_at,"
                                    + " created_by) values (?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    statement.setString(1, partition.key());
                    statement.setObject(2, debtorId);
                    statement.setObject(3, txid);
                    statement.setString(4, text);
                    statement.setObject(5, endsOn);
                    statement.setObject(6, utc(now));
                    statement.setString(7, by);
                    return statement;
                },
                key);
        DunningBlock block =
                new DunningBlock(key.getKey().longValue(), debtorId, txid, text, endsOn, now, by, null, null);
        audit(partition, user, AuditEventType.DUNNING_BLOCK_ADDED, block, debtorNumber);
        return block;
    }

    private Long debtorNumberOf(DunningBlock block) {
        if (block.debtorId() != null) {
            return debtors.debtorNumber(block.debtorId()).orElse(null);
        }
        return ledger.summary(block.txid())
                .map(ProcessDetails::debtorId)
                .flatMap(debtors::debtorNumber)
                .orElse(null);
    }

    private static String actorName(KontorUser user) {
        return user.isSystem() ? user.displayName() : user.email();
    }

    private void audit(
            Partition partition, KontorUser user, AuditEventType type, DunningBlock block, Long debtorNumber) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("block", block.id());
        details.put("scope", block.ofDebtor() ? "debtor" : "process");
        details.put("reason", block.reason());
        details.put("endsOn", block.endsOn() == null ? null : block.endsOn().toString());
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                user.asActor(),
                type,
                debtorNumber,
                block.txid(),
                null,
                details));
    }

    /** Stored times are UTC (as hibernate.jdbc.time_zone writes them), whatever the JVM's zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static DunningBlock row(ResultSet rs, int rowNum) throws SQLException {
        LocalDateTime lifted = rs.getObject("lifted_at", LocalDateTime.class);
        return new DunningBlock(
                rs.getLong("id"),
                rs.getObject("debtor_id", Long.class),
                rs.getObject("txid", Long.class),
                rs.getString("reason"),
                rs.getObject("ends_on", LocalDate.class),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("created_by"),
                lifted == null ? null : lifted.toInstant(ZoneOffset.UTC),
                rs.getString("lifted_by"));
    }
}
