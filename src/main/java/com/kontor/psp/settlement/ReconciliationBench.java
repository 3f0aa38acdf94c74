package com.kontor.psp.settlement;

import com.kontor.psp.ImportOutcome;
import com.kontor.psp.Reconciliation;
import com.kontor.psp.SettlementSamples;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reconciliation benchmark (issue 18, item 6): {@code --kontor.bench.reconciliation=<merchant id>} writes an Adyen
 * settlement report of {@code kontor.bench.reconciliation-lines} (default 100,000) provider bookings of that merchant's
 * live mode (the latest before the cut-off of "missing") and imports it as Kontor itself: prints
 * the time to write, to import (parse, match, write, look for missing) and the heap's peak, then stops Kontor. Meant
 * for the 1,000,000-process fill; each run adds a report and its lines; a second run finds the same lines settled.
 */
@Component
@ConditionalOnProperty(name = "kontor.bench.reconciliation")
class ReconciliationBench implements ApplicationRunner {

    private final Reconciliation reconciliation;
    private final SettlementSamples samples;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final long merchantId;
    private final int lines;

    ReconciliationBench(
            Reconciliation reconciliation,
            SettlementSamples samples,
            JdbcTemplate jdbc,
            ApplicationContext context,
            @Value("${kontor.bench.reconciliation}") long merchantId,
            @Value("${kontor.bench.reconciliation-lines:100000}") int lines) {
        this.reconciliation = reconciliation;
        this.samples = samples;
        this.jdbc = jdbc;
        this.context = context;
        this.merchantId = merchantId;
        this.lines = lines;
    }

    @Override
    public void run(ApplicationArguments args) {
        Partition partition = new Partition(merchantId, Mode.LIVE);
        Instant cutoff = Instant.now().minus(Duration.ofDays(3));
        // the latest bookings before the cut-off, as a daily report settles the days just before it
        Instant from = jdbc
                .queryForList(
                        "select b.booked_at " + MissingSettlements.EXPECTED_BOOKINGS
                                + " order by b.booked_at desc limit 1 offset ?",
                        java.sql.Timestamp.class,
                        partition.key(),
                        java.sql.Timestamp.from(Instant.EPOCH),
                        java.sql.Timestamp.from(cutoff),
                        lines)
                .stream()
                .findFirst()
                .map(java.sql.Timestamp::toInstant)
                .orElse(Instant.EPOCH);
        System.out.printf(
                Locale.ROOT,
                "Reconciliation bench on %s: %,d processes, %,d bookings in the database%n",
                partition.key(),
                jdbc.queryForObject("select count(*) from payment_process", Long.class),
                jdbc.queryForObject("select count(*) from booking", Long.class));
        Instant start = Instant.now();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024 * 1024);
        int written = SystemScope.run("reconciliation bench", () -> {
            try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                return samples.writeAdyen(partition, from, cutoff, lines, true, 1, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Duration writing = Duration.between(start, Instant.now());
        byte[] report = bytes.toByteArray();
        System.out.printf(Locale.ROOT, "wrote %,d lines (%.1f MB) in %s%n", written, report.length / 1e6, writing);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long heapBefore = heapUsed();
        Instant importing = Instant.now();
        ImportOutcome outcome = SystemScope.run(
                "reconciliation bench",
                () -> TenancyScope.inPartition(
                        partition, () -> reconciliation.importReport("bench-adyen.csv", report, null)));
        Duration took = Duration.between(importing, Instant.now());
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                Locale.ROOT,
                "import: %s in %s (%.0f lines/s); heap before %.0f MB, peak of the heap pools %.0f MB (max %.0f MB)%n",
                outcome,
                took,
                written / Math.max(0.001, took.toMillis() / 1000.0),
                heapBefore / 1e6,
                peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
