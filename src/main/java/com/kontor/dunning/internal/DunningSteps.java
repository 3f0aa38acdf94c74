package com.kontor.dunning.internal;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorService;
import com.kontor.dunning.DunningBlockCheck;
import com.kontor.dunning.DunningEntry;
import com.kontor.dunning.DunningEntryStatus;
import com.kontor.dunning.DunningLevelRule;
import com.kontor.dunning.DunningProcedure;
import com.kontor.dunning.DunningRefused;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.DunningStatus;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ReceivableType;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Partition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One dunning step of one process, in the caller's transaction (DUN-3, DUN-5, DUN-7): the process is locked, the
 * step is checked against what holds now, then the level changes, fees and interest are booked on the process account,
 * the letter is issued and the email queued, and the step is written under its unique key (process, level, round), all
 * in that one transaction. A crash before the commit leaves nothing; a second run or a double release finds the step
 * done (the level moved on, the proposal no longer PROPOSED) and does nothing.
 */
@Component
public class DunningSteps {

    public enum Outcome {
        SENT,
        INTERNAL,
        SKIPPED,
        DISCARDED
    }

    /**
     * @param send false: only the internal level changes (DUN-5's unchecked box): no fee, no letter
     * @param proposalId the proposal this executes, or null for a step without one
     * @param automatic from the run or a release: the step must still be due (open, above the tolerance, not blocked,
     *     the level the next one); by hand, a person chose the level, and only an open receivable is required
     */
    public record Request(long txid, int level, boolean send, Long proposalId, Long runId, boolean automatic) {}

    /** A letter after the last level asks for payment within this many days. */
    static final int PAY_WITHIN_DAYS = 14;

    private final Ledger ledger;
    private final DunningNotices notices;
    private final DunningDispatch dispatch;
    private final DunningBlockCheck blocks;
    private final DebtorService debtors;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final Clock clock;

    public DunningSteps(
            Ledger ledger,
            DunningNotices notices,
            DunningDispatch dispatch,
            DunningBlockCheck blocks,
            DebtorService debtors,
            CurrentUser currentUser,
            AuditLog auditLog,
            Clock clock) {
        this.ledger = ledger;
        this.notices = notices;
        this.dispatch = dispatch;
        this.blocks = blocks;
        this.debtors = debtors;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * The level after the process's current one: 1..levels, then 5 (debt collection) where enabled; 0 for none (handed
     * to debt collection, or marked BLOCKED by a provider's or older data's dunning status).
     */
    public static int nextLevel(DunningProcedure procedure, int reminderLevel, DunningStatus status) {
        if (status == DunningStatus.DEBT_COLLECTION || status == DunningStatus.BLOCKED) {
            return 0;
        }
        if (reminderLevel < procedure.levels().size()) {
            return reminderLevel + 1;
        }
        return procedure.collectionEnabled() ? DunningEntry.DEBT_COLLECTION : 0;
    }

    /** When the level after {@code level} is due, counted from {@code day}; null after debt collection. */
    public static LocalDate nextNoticeAfter(DunningProcedure procedure, int level, LocalDate day) {
        if (level >= DunningEntry.DEBT_COLLECTION) {
            return null;
        }
        if (level < procedure.levels().size()) {
            return day.plusDays(procedure.levels().get(level).days());
        }
        return procedure.collectionEnabled() ? day.plusDays(procedure.collectionDays()) : null;
    }

    public Outcome execute(Partition partition, DunningProcedure procedure, Request request, LocalDate today) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("A dunning step runs inside the caller's transaction");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String by = actor().name();
        Optional<LockedProcess> locked = ledger.lock(request.txid(), source());
        if (locked.isEmpty()) {
            throw new IllegalArgumentException("No process " + request.txid() + " in " + partition.key());
        }
        LockedProcess process = locked.get();
        // the process's lock orders every step of this process: the proposal read below cannot change under us
        int round;
        if (request.proposalId() != null) {
            Optional<DunningNotices.Proposal> proposal = notices.lockProposal(partition, request.proposalId());
            if (proposal.isEmpty()
                    || proposal.get().status() != DunningEntryStatus.PROPOSED
                    || proposal.get().txid() != request.txid()
                    || proposal.get().level() != request.level()) {
                return Outcome.SKIPPED;
            }
            round = proposal.get().round();
        } else {
            round = notices.nextRound(request.txid(), request.level());
        }
        boolean open = process.status() == ProcessStatus.OPEN && process.balance() > 0;
        if (request.automatic()) {
            boolean due = open
                    && process.balance() >= procedure.tolerance()
                    && nextLevel(procedure, process.reminderLevel(), process.dunningStatus()) == request.level()
                    && !blocks.blocked(partition, request.txid(), today);
            if (!due) {
                if (request.proposalId() != null) {
                    notices.discard(request.proposalId(), partition, now, by);
                    return Outcome.DISCARDED;
                }
                return Outcome.SKIPPED;
            }
        } else if (!open) {
            throw new DunningRefused("dunning.refused.notOpen");
        }
        Optional<DebtorDetails> debtor =
                process.debtorId() == null ? Optional.empty() : debtors.details(process.debtorId());
        long receivable = process.balance();
        DunningCharges.Charges charges = new DunningCharges.Charges(0, 0, 0, 0);
        DunningNotices.Charged earlier = notices.charged(request.txid());
        if (request.send() && request.level() <= procedure.levels().size()) {
            boolean business = debtor.map(d -> d.masterData().company() != null).orElse(false);
            DunningNotices.State state = notices.state(request.txid()).orElse(new DunningNotices.State(null, null));
            LocalDate overdueSince = state.overdueSince() != null ? state.overdueSince() : process.dueDate();
            if (process.currency().getCurrencyCode().equals(procedure.currency())) {
                charges = DunningCharges.of(
                        procedure, request.level(), business, receivable, earlier, overdueSince, today);
            }
            if (charges.fee() > 0) {
                process.charged(charges.fee(), ReceivableType.DUNNING_FEE);
            }
            if (charges.flatFee() > 0) {
                process.charged(charges.flatFee(), ReceivableType.DUNNING_FEE);
            }
            if (charges.interest() > 0) {
                process.charged(charges.interest(), ReceivableType.PENALTY_INTEREST);
            }
        }
        if (request.level() == DunningEntry.DEBT_COLLECTION) {
            process.setDunningStatus(DunningStatus.DEBT_COLLECTION);
        } else {
            process.setReminderLevel(request.level());
            process.setDunningStatus(DunningStatus.valueOf("LEVEL_" + request.level()));
        }
        LocalDate next = nextNoticeAfter(procedure, request.level(), today);
        notices.setNextNotice(partition, request.txid(), next, now);
        DunningLevelRule rule = request.level() <= procedure.levels().size()
                ? procedure.levels().get(request.level() - 1)
                : null;
        DunningDispatch.Dispatched dispatched = null;
        if (request.send() && rule != null) {
            LocalDate payBy = next != null ? next : today.plusDays(PAY_WITHIN_DAYS);
            dispatched = dispatch.send(process, debtor, rule, receivable, earlier.total(), charges, today, payBy);
        }
        String channel = dispatched == null ? null : dispatched.channel().name();
        DunningEntryStatus status = request.send() ? DunningEntryStatus.SENT : DunningEntryStatus.INTERNAL;
        DunningNotices.Step step = new DunningNotices.Step(
                partition,
                request.txid(),
                process.debtorId(),
                request.level(),
                round,
                status,
                request.runId(),
                process.currency().getCurrencyCode(),
                receivable,
                charges.fee(),
                charges.flatFee(),
                charges.interest(),
                process.balance(),
                channel,
                dispatched == null ? null : dispatched.documentNumber(),
                dispatched == null ? null : dispatched.emailId(),
                next,
                now,
                by);
        if (request.proposalId() != null) {
            notices.executeProposal(request.proposalId(), step);
        } else {
            notices.insert(step);
        }
        audit(partition, debtor, request, round, step);
        return request.send() ? Outcome.SENT : Outcome.INTERNAL;
    }

    private void audit(
            Partition partition, Optional<DebtorDetails> debtor, Request request, int round, DunningNotices.Step step) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", request.level());
        details.put("round", round);
        details.put("send", request.send());
        details.put("status", step.status().name());
        details.put("fee", step.fee());
        details.put("flatFee", step.flatFee());
        details.put("interest", step.interest());
        details.put("balance", step.balance());
        details.put(
                "nextNoticeOn",
                step.nextNoticeOn() == null ? null : step.nextNoticeOn().toString());
        if (step.documentNumber() != null) {
            details.put("document", step.documentNumber());
        }
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                actor(),
                AuditEventType.DUNNING_STEP,
                debtor.map(DebtorDetails::debtorNumber).orElse(null),
                request.txid(),
                null,
                details));
    }

    private Actor actor() {
        return currentUser.get().map(KontorUser::asActor).orElseGet(() -> Actor.system("dunning run"));
    }

    private BookingSource source() {
        return currentUser.get().filter(u -> !u.isSystem()).isPresent() ? BookingSource.USER : BookingSource.SYSTEM;
    }
}
