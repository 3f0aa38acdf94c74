package com.kontor.dunning.internal;

import com.kontor.dunning.DunningProcedure;
import com.kontor.dunning.DunningProcedures;
import com.kontor.dunning.DunningRuns;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dunning run benchmark (issue 17, item 7): {@code --kontor.bench.dunning=<merchant id>} makes
 * {@code kontor.bench.dunning-count} (default 100,000) open processes of that merchant's live mode due for their first
 * level and every other open process not due, then runs the run with the German default procedure sent at once:
 * per process the level, the fee and interest bookings, the letter rendered and archived, the email queued. Prints the
 * progress as the view shows it every 10 s, the time, the rate and the archive's growth, then stops Kontor. Meant for
 * the 1,000,000-process fill (README, "Filling a database for benchmarks"); it changes the filled data.
 */
@Component
@ConditionalOnProperty(name = "kontor.bench.dunning")
class DunningBench implements ApplicationRunner {

    private final DunningRuns runs;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final long merchantId;
    private final int count;

    DunningBench(
            DunningRuns runs,
            JdbcTemplate jdbc,
            ApplicationContext context,
            @Value("${kontor.bench.dunning}") long merchantId,
            @Value("${kontor.bench.dunning-count:100000}") int count) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.context = context;
        this.merchantId = merchantId;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        Partition partition = new Partition(merchantId, Mode.LIVE);
        String key = partition.key();
        LocalDate today = LocalDate.now();
        System.out.printf(
                Locale.ROOT,
                "Dunning bench on %s: %,d processes in the database, %,d open%n",
                key,
                jdbc.queryForObject("select count(*) from payment_process", Long.class),
                jdbc.queryForObject(
                        "select count(*) from payment_process where partition_key = ? and status = 'OPEN'",
                        Long.class,
                        key));
        Instant prepare = Instant.now();
        jdbc.update(
                "update payment_process set due_date = ? where partition_key = ? and status = 'OPEN'",
                java.sql.Date.valueOf(today.plusDays(60)),
                key);
        int due = jdbc.update("""
                update payment_process set due_date = ?, reminder_level = 0, dunning_status = 'NONE'
                where partition_key = ? and status = 'OPEN' and receivable - paid >= 500
                order by txid limit ?""", java.sql.Date.valueOf(today.minusDays(10)), key, count);
        jdbc.update("delete from dunning_state where partition_key = ?", key);
        System.out.printf(
                Locale.ROOT,
                "prepared %,d due processes in %s%n",
                due,
                Duration.between(prepare, Instant.now()).withNanos(0));
        DunningProcedure defaults = DunningProcedures.germanDefaults();
        DunningProcedure procedure = new DunningProcedure(
                defaults.levels(),
                defaults.collectionEnabled(),
                defaults.collectionDays(),
                defaults.tolerance(),
                false,
                defaults.interest(),
                defaults.currency());
        long documentsBefore =
                count("select count(*) from document where partition_key = ? and type = 'DUNNING_LETTER'", key);
        long bytesBefore = count(
                "select coalesce(sum(size), 0) from document where partition_key = ? and type = 'DUNNING_LETTER'", key);
        long mailsBefore =
                count("select count(*) from email_message where partition_key = ? and purpose = 'DUNNING'", key);
        ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor();
        Instant start = Instant.now();
        printer.scheduleAtFixedRate(
                () -> {
                    Map<String, Object> run = jdbc.queryForMap(
                            "select due, done, sent, failed from dunning_run where partition_key = ?"
                                    + " order by id desc limit 1",
                            key);
                    System.out.printf(
                            Locale.ROOT,
                            "  after %s: %s of %s done (%s sent, %s failed)%n",
                            Duration.between(start, Instant.now()).withNanos(0),
                            run.get("done"),
                            run.get("due"),
                            run.get("sent"),
                            run.get("failed"));
                },
                10,
                10,
                TimeUnit.SECONDS);
        DunningRuns.RunProgress result =
                runs.run(partition, procedure, today, "bench").orElseThrow();
        Duration took = Duration.between(start, Instant.now());
        printer.shutdownNow();
        long documents = count("select count(*) from document where partition_key = ? and type = 'DUNNING_LETTER'", key)
                - documentsBefore;
        long bytes = count(
                        "select coalesce(sum(size), 0) from document where partition_key = ? and type = 'DUNNING_LETTER'",
                        key)
                - bytesBefore;
        long mails = count("select count(*) from email_message where partition_key = ? and purpose = 'DUNNING'", key)
                - mailsBefore;
        System.out.printf(
                Locale.ROOT,
                "run: %,d due, %,d sent, %,d skipped, %,d failed in %s (%.0f processes/s); %,d letters archived"
                        + " (%.1f MB, %.1f KB each), %,d emails queued%n",
                result.due(),
                result.sent(),
                result.skipped(),
                result.failed(),
                took.withNanos(0),
                result.done() / Math.max(0.001, took.toMillis() / 1000.0),
                documents,
                bytes / 1e6,
                documents == 0 ? 0 : bytes / 1e3 / documents,
                mails);
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private long count(String sql, String key) {
        Long value = jdbc.queryForObject(sql, Long.class, key);
        return value == null ? 0 : value;
    }
}
