package com.kontor.dunning.internal;

import com.kontor.dunning.DunningRuns;
import com.kontor.ledger.ReceivableOverdue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts the dunning run every morning (DUN-3) on one server only: the job's ShedLock row stays held for a while after
 * it ends, so a second server's schedule that fires a moment later finds it taken; each partition's run holds its own
 * lock as well (a run started by hand). Also notes when a chargeback or returned debit made a receivable due at once
 * (DUN-2).
 */
@Component
class DailyDunningRun {

    private final DunningRuns runs;
    private final DunningNotices notices;
    private final Clock clock;
    private final ZoneId zone;

    DailyDunningRun(
            DunningRuns runs,
            DunningNotices notices,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${kontor.dunning.zone:Europe/Berlin}") String zone) {
        this.runs = runs;
        this.notices = notices;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${kontor.dunning.cron:0 30 5 * * *}", zone = "${kontor.dunning.zone:Europe/Berlin}")
    @SchedulerLock(name = "dunning-daily", lockAtMostFor = "PT3H", lockAtLeastFor = "PT10M")
    void daily() {
        runs.runAll(LocalDate.now(clock.withZone(zone)));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onOverdue(ReceivableOverdue overdue) {
        notices.overdueSince(
                overdue.partition(), overdue.txid(), LocalDate.now(clock.withZone(zone)), Instant.now(clock));
    }
}
