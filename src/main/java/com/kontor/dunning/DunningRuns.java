package com.kontor.dunning;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.db.RetryingTransactions;
import com.kontor.dunning.internal.DunningSteps;
import com.kontor.money.Money;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import jakarta.annotation.PreDestroy;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The dunning run (DUN-2, DUN-3): finds the processes of a partition whose next level is due (open after the due date
 * or after a chargeback or returned debit, above the tolerance, not blocked) and proposes that level (a proposed dunning
 * list and a proposed debt-collection list that finance releases) or, where the merchant chose so, executes it at once.
 * A run holds the partition's ShedLock row, so two servers or two clicks never run one partition twice at once; each
 * process's step is its own transaction under a unique key, so a crash and a re-run dun nobody twice. The run writes
 * its progress to its row as it goes, for the view to show.
 */
@Service
public class DunningRuns {

    private static final Logger log = LoggerFactory.getLogger(DunningRuns.class);

    /** The longest a run may hold its partition's lock; a crashed server's lock ends after this. */
    static final Duration LOCK_AT_MOST = Duration.ofHours(2);

    private static final int PROGRESS_EVERY = 200;

    /** Threads that execute steps sent at once: one per core, at most four (the database does the rest). */
    static final int STEPPERS = Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors()));

    private static final String CANDIDATES = """
            select p.txid, p.debtor_id, p.reminder_level, p.dunning_status, p.due_date, s.overdue_since,
                   s.next_notice_on
            from payment_process p left join dunning_state s on s.txid = p.txid
            where p.partition_key = ? and p.status = 'OPEN' and p.receivable - p.paid >= ?
              and p.receivable - p.paid > 0 and p.dunning_status not in ('DEBT_COLLECTION', 'BLOCKED')
              and (s.next_notice_on <= ?
                   or (s.next_notice_on is null and coalesce(s.overdue_since, p.due_date) <= ?))
              and not exists (select 1 from dunning_notice n where n.txid = p.txid and n.status = 'PROPOSED')
              and not\s""" + DunningBlockCheck.BLOCKED + """

            order by p.txid""";

    /** Proposals whose process was settled, fell below the tolerance or was blocked meanwhile. */
    private static final String STALE_PROPOSALS = """
            update dunning_notice n join payment_process p on p.txid = n.txid
            set n.status = 'DISCARDED', n.executed_at = ?, n.executed_by = ?
            where n.partition_key = ? and n.status = 'PROPOSED'
              and (p.status <> 'OPEN' or p.receivable - p.paid < ? or p.receivable - p.paid <= 0 or\s""" + DunningBlockCheck.BLOCKED + ")";

    private final DunningSteps steps;
    private final DunningProcedures procedures;
    private final DunningPermission permission;
    private final LockProvider locks;
    private final JdbcTemplate jdbc;
    private final RetryingTransactions transaction;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchants;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("dunning-run").daemon().factory());

    DunningRuns(
            DunningSteps steps,
            DunningProcedures procedures,
            DunningPermission permission,
            LockProvider locks,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            MerchantDirectory merchants,
            AuditLog auditLog,
            Clock clock) {
        this.steps = steps;
        this.procedures = procedures;
        this.permission = permission;
        this.locks = locks;
        this.jdbc = jdbc;
        this.transaction = new RetryingTransactions(transactionManager);
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.merchants = merchants;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A run as its row stands: while it runs, {@code done} of {@code due} processes are through. */
    public record RunProgress(
            long id,
            LocalDate runDate,
            Instant startedAt,
            Instant finishedAt,
            String startedBy,
            String status,
            int due,
            int done,
            int proposed,
            int sent,
            int skipped,
            int failed,
            String error) {

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    /** A proposed step waiting for release (DUN-3). */
    public record Proposal(
            long id,
            long txid,
            Long debtorId,
            Long debtorNumber,
            String reference,
            int level,
            Money open,
            LocalDate dueDate,
            Instant at) {}

    /** What a release did: executed, discarded (settled or blocked meanwhile), skipped (done already), failed. */
    public record Released(int sent, int discarded, int skipped, int failed) {}

    /** The latest run of the current partition. */
    public Optional<RunProgress> latest() {
        permission.requireRead();
        Partition partition = currentTenancy.requirePartition();
        return jdbc
                .query(
                        "select * from dunning_run where partition_key = ? order by id desc limit 1",
                        (rs, row) -> progress(rs),
                        partition.key())
                .stream()
                .findFirst();
    }

    /**
     * Starts a run of the current partition by hand (FINANCE, ADMIN) in the background; the view follows it with
     * {@link #latest()}. Refused when the merchant has no procedure or a run of this partition holds the lock.
     */
    public void startNow() {
        permission.requireChange();
        Partition partition = currentTenancy.requirePartition();
        DunningProcedure procedure =
                procedures.current().orElseThrow(() -> new DunningRefused("dunning.refused.noProcedure"));
        LocalDate today = today(partition);
        String by = currentUser.require().email();
        Optional<SimpleLock> lock = lock(partition);
        if (lock.isEmpty()) {
            throw new DunningRefused("dunning.refused.running");
        }
        long runId = insertRun(partition, today, by);
        auditRun(partition, runId, currentUser.require());
        background.execute(() -> {
            try {
                runLocked(partition, procedure, today, runId);
            } finally {
                lock.get().unlock();
            }
        });
    }

    /**
     * Runs one partition now, in this thread, as the system; empty when another run holds the partition's lock.
     * The daily job and tests call it.
     */
    public Optional<RunProgress> run(Partition partition, DunningProcedure procedure, LocalDate today, String by) {
        Optional<SimpleLock> lock = lock(partition);
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            long runId = insertRun(partition, today, by);
            runLocked(partition, procedure, today, runId);
            return Optional.of(byId(runId));
        } finally {
            lock.get().unlock();
        }
    }

    /** The daily run over every partition whose merchant booked dunning and set up a procedure. */
    public void runAll(LocalDate today) {
        List<Long> merchantIds = jdbc.queryForList(
                "select merchant_id from merchant_module where module = 'DUNNING' order by merchant_id", Long.class);
        for (long merchantId : merchantIds) {
            for (com.kontor.tenancy.Mode mode : com.kontor.tenancy.Mode.values()) {
                Partition partition = new Partition(merchantId, mode);
                try {
                    Optional<DunningProcedure> procedure = procedures.of(partition);
                    if (procedure.isPresent()) {
                        run(partition, procedure.get(), today, "daily run");
                    }
                } catch (RuntimeException e) {
                    log.warn("The dunning run of {} failed: {}", partition.key(), e.toString());
                }
            }
        }
    }

    private Optional<SimpleLock> lock(Partition partition) {
        return locks.lock(new LockConfiguration(
                Instant.now(clock), "dunning-run-" + partition.key(), LOCK_AT_MOST, Duration.ZERO));
    }

    private void runLocked(Partition partition, DunningProcedure procedure, LocalDate today, long runId) {
        try {
            SystemScope.run("dunning run", () -> {
                TenancyScope.inPartition(partition, () -> work(partition, procedure, today, runId));
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Dunning run {} of {} failed", runId, partition.key(), e);
            jdbc.update(
                    "update dunning_run set status = 'FAILED', finished_at = ?, error = ? where id = ?",
                    Timestamp.from(Instant.now(clock)),
                    abbreviate(e.toString()),
                    runId);
        }
    }

    private record Candidate(long txid, int level) {}

    private void work(Partition partition, DunningProcedure procedure, LocalDate today, long runId) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        long tolerance = Math.max(procedure.tolerance(), 1);
        jdbc.update(
                STALE_PROPOSALS, Timestamp.from(now), "dunning run", partition.key(), tolerance, Date.valueOf(today));
        int firstDays =
                procedure.levels().isEmpty() ? 0 : procedure.levels().getFirst().days();
        List<Candidate> due = new ArrayList<>();
        jdbc.query(
                CANDIDATES,
                rs -> {
                    int level = DunningSteps.nextLevel(
                            procedure,
                            rs.getInt("reminder_level"),
                            com.kontor.ledger.DunningStatus.valueOf(rs.getString("dunning_status")));
                    Date next = rs.getDate("next_notice_on");
                    Date overdue = rs.getDate("overdue_since");
                    Date dueDate = rs.getDate("due_date");
                    LocalDate base =
                            overdue != null ? overdue.toLocalDate() : dueDate == null ? null : dueDate.toLocalDate();
                    LocalDate dueOn =
                            next != null ? next.toLocalDate() : base == null ? null : firstDue(procedure, level, base);
                    if (level > 0 && dueOn != null && !dueOn.isAfter(today)) {
                        due.add(new Candidate(rs.getLong("txid"), level));
                    }
                },
                partition.key(),
                tolerance,
                Date.valueOf(today),
                Date.valueOf(today.minusDays(firstDays)),
                Date.valueOf(today));
        jdbc.update("update dunning_run set due = ? where id = ?", due.size(), runId);
        Counts counts = new Counts();
        if (procedure.releaseByFinance()) {
            for (Candidate candidate : due) {
                count(
                        counts,
                        candidate,
                        () -> propose(partition, candidate, runId, now) ? Step.PROPOSED : Step.SKIPPED);
                counts.progress(runId);
            }
        } else {
            // sent at once: the steps of different processes are independent (each locks its own process), so they
            // run side by side on the cores; a step's letter renders outside any lock shared with the others
            ExecutorService steppers = Executors.newFixedThreadPool(
                    STEPPERS,
                    Thread.ofPlatform().name("dunning-step-", 0).daemon().factory());
            try {
                List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                for (Candidate candidate : due) {
                    running.add(steppers.submit(() -> SystemScope.run(
                            "dunning run",
                            () -> TenancyScope.inPartition(partition, () -> {
                                count(
                                        counts,
                                        candidate,
                                        () -> transaction.write(status -> steps.execute(
                                                                partition,
                                                                procedure,
                                                                new DunningSteps.Request(
                                                                        candidate.txid(),
                                                                        candidate.level(),
                                                                        true,
                                                                        null,
                                                                        runId,
                                                                        true),
                                                                today))
                                                        == DunningSteps.Outcome.SENT
                                                ? Step.SENT
                                                : Step.SKIPPED);
                                counts.progress(runId);
                                return null;
                            }))));
                }
                for (java.util.concurrent.Future<?> step : running) {
                    step.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The dunning run was interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("A dunning step failed unexpectedly", e.getCause());
            } finally {
                steppers.shutdownNow();
            }
        }
        counts.write(runId);
        jdbc.update(
                "update dunning_run set status = 'DONE', finished_at = ? where id = ?",
                Timestamp.from(Instant.now(clock)),
                runId);
    }

    private enum Step {
        PROPOSED,
        SENT,
        SKIPPED
    }

    /** The run's counters, shared by the threads that execute its steps; written to the run's row as it goes. */
    private final class Counts {
        final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger proposed = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger skipped = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();

        void progress(long runId) {
            if (done.get() % PROGRESS_EVERY == 0) {
                write(runId);
            }
        }

        void write(long runId) {
            DunningRuns.this.progress(runId, done.get(), proposed.get(), sent.get(), skipped.get(), failed.get());
        }
    }

    /** One step, counted; a failure is counted and logged, and the next run tries the process again. */
    private static void count(Counts counts, Candidate candidate, java.util.function.Supplier<Step> step) {
        try {
            switch (step.get()) {
                case PROPOSED -> counts.proposed.incrementAndGet();
                case SENT -> counts.sent.incrementAndGet();
                case SKIPPED -> counts.skipped.incrementAndGet();
            }
        } catch (RuntimeException e) {
            counts.failed.incrementAndGet();
            log.warn("Dunning step of {} failed: {}", candidate.txid(), e.toString());
        }
        counts.done.incrementAndGet();
    }

    /**
     * The day a process without a dated next level reaches {@code level}: level 1 the first level's days after
     * {@code base} (the due date, or the day of the chargeback), each further level its days after that, debt
     * collection its days after the last level. Processes that reached a level before the run kept dates (older data)
     * fall back on this.
     */
    static LocalDate firstDue(DunningProcedure procedure, int level, LocalDate base) {
        LocalDate day = base;
        int levels = procedure.levels().size();
        for (int i = 0; i < Math.min(level, levels); i++) {
            day = day.plusDays(procedure.levels().get(i).days());
        }
        return level > levels ? day.plusDays(procedure.collectionDays()) : day;
    }

    /** A proposal under the step's unique key: false when one exists (a second run), nothing else changes. */
    private boolean propose(Partition partition, Candidate candidate, long runId, Instant now) {
        return Boolean.TRUE.equals(transaction.write(status -> jdbc.update(
                        """
                insert ignore into dunning_notice (partition_key, txid, debtor_id, level, round, status, run_id,
                  currency, receivable, balance, created_at)
                select p.partition_key, p.txid, p.debtor_id, ?,
                       (select coalesce(max(n.round), 0) + 1 from dunning_notice n where n.txid = p.txid and n.level = ?),
                       'PROPOSED', ?, p.currency, p.receivable - p.paid, p.receivable - p.paid, ?
                from payment_process p where p.txid = ? and p.partition_key = ?""",
                        candidate.level(),
                        candidate.level(),
                        runId,
                        Timestamp.from(now),
                        candidate.txid(),
                        partition.key())
                == 1));
    }

    /** Proposed steps of the current partition: the dunning list, or the debt-collection list; oldest first. */
    public List<Proposal> proposals(boolean collection, int limit) {
        permission.requireRead();
        Partition partition = currentTenancy.requirePartition();
        return jdbc.query(
                """
                select n.id, n.txid, n.debtor_id, d.debtor_number, p.reference, n.level, p.currency,
                       p.receivable - p.paid as open, p.due_date, n.created_at
                from dunning_notice n join payment_process p on p.txid = n.txid
                  left join debtor d on d.id = n.debtor_id
                where n.partition_key = ? and n.status = 'PROPOSED' and n.level\s""" + (collection ? "= 5" : "< 5") + " order by n.id limit ?",
                (rs, row) -> new Proposal(
                        rs.getLong("id"),
                        rs.getLong("txid"),
                        rs.getObject("debtor_id", Long.class),
                        rs.getObject("debtor_number", Long.class),
                        rs.getString("reference"),
                        rs.getInt("level"),
                        new Money(rs.getLong("open"), Currency.getInstance(rs.getString("currency"))),
                        rs.getDate("due_date") == null
                                ? null
                                : rs.getDate("due_date").toLocalDate(),
                        rs.getTimestamp("created_at").toInstant()),
                partition.key(),
                limit);
    }

    public int countProposals(boolean collection) {
        permission.requireRead();
        Partition partition = currentTenancy.requirePartition();
        Integer count = jdbc.queryForObject(
                "select count(*) from dunning_notice where partition_key = ? and status = 'PROPOSED' and level "
                        + (collection ? "= 5" : "< 5"),
                Integer.class,
                partition.key());
        return count == null ? 0 : count;
    }

    /** Releases all proposals of one list (FINANCE, ADMIN). */
    public Released releaseAll(boolean collection) {
        permission.requireChange();
        Partition partition = currentTenancy.requirePartition();
        List<Long> ids = jdbc.queryForList(
                "select id from dunning_notice where partition_key = ? and status = 'PROPOSED' and level "
                        + (collection ? "= 5" : "< 5") + " order by id",
                Long.class,
                partition.key());
        return release(ids);
    }

    /**
     * Releases the chosen proposals (FINANCE, ADMIN), each in its own transaction: the step is executed with what
     * holds now; a process settled or blocked meanwhile is discarded, one released already is skipped.
     */
    public Released release(Collection<Long> proposalIds) {
        permission.requireChange();
        Partition partition = currentTenancy.requirePartition();
        DunningProcedure procedure =
                procedures.current().orElseThrow(() -> new DunningRefused("dunning.refused.noProcedure"));
        LocalDate today = today(partition);
        int sent = 0;
        int discarded = 0;
        int skipped = 0;
        int failed = 0;
        for (long id : proposalIds) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select txid, level from dunning_notice where id = ? and partition_key = ?", id, partition.key());
            if (rows.isEmpty()) {
                skipped++;
                continue;
            }
            long txid = ((Number) rows.getFirst().get("txid")).longValue();
            int level = ((Number) rows.getFirst().get("level")).intValue();
            try {
                DunningSteps.Outcome outcome = transaction.write(status -> steps.execute(
                        partition, procedure, new DunningSteps.Request(txid, level, true, id, null, true), today));
                switch (outcome) {
                    case SENT -> sent++;
                    case DISCARDED -> discarded++;
                    default -> skipped++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("Releasing dunning proposal {} failed: {}", id, e.toString());
            }
        }
        return new Released(sent, discarded, skipped, failed);
    }

    /** Whether the current user may start runs and release proposals. */
    public boolean mayChange() {
        return permission.mayChange();
    }

    private LocalDate today(Partition partition) {
        ZoneId zone = merchants.requireCurrent().settings().timeZone();
        return LocalDate.now(clock.withZone(zone));
    }

    /** Called holding the partition's lock: a run still RUNNING in its row died with its server; it is marked so. */
    private long insertRun(Partition partition, LocalDate today, String by) {
        jdbc.update(
                "update dunning_run set status = 'FAILED', finished_at = ?, error = ?"
                        + " where partition_key = ? and status = 'RUNNING'",
                Timestamp.from(Instant.now(clock)),
                "interrupted: the server stopped during the run",
                partition.key());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "insert into dunning_run (partition_key, run_date, started_at, started_by, status)"
                                    + " values (?, ?, ?, ?, 'RUNNING')",
                            Statement.RETURN_GENERATED_KEYS);
                    statement.setString(1, partition.key());
                    statement.setDate(2, Date.valueOf(today));
                    statement.setTimestamp(3, Timestamp.from(Instant.now(clock)));
                    statement.setString(4, by);
                    return statement;
                },
                key);
        return key.getKey().longValue();
    }

    private void auditRun(Partition partition, long runId, KontorUser user) {
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                user.asActor(),
                AuditEventType.DUNNING_RUN_STARTED,
                null,
                null,
                null,
                Map.of("run", runId)));
    }

    private void progress(long runId, int done, int proposed, int sent, int skipped, int failed) {
        jdbc.update(
                "update dunning_run set done = ?, proposed = ?, sent = ?, skipped = ?, failed = ? where id = ?",
                done,
                proposed,
                sent,
                skipped,
                failed,
                runId);
    }

    private RunProgress byId(long id) {
        return jdbc.queryForObject("select * from dunning_run where id = ?", (rs, row) -> progress(rs), id);
    }

    private static RunProgress progress(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new RunProgress(
                rs.getLong("id"),
                rs.getDate("run_date").toLocalDate(),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("started_by"),
                rs.getString("status"),
                rs.getInt("due"),
                rs.getInt("done"),
                rs.getInt("proposed"),
                rs.getInt("sent"),
                rs.getInt("skipped"),
                rs.getInt("failed"),
                rs.getString("error"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
