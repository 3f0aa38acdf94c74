package com.kontor.accounting.internal;

import com.kontor.accounting.AccountingExportEntry;
import com.kontor.accounting.AccountingExportFormat;
import com.kontor.accounting.AccountingExportOutcome;
import com.kontor.accounting.AccountingExports;
import com.kontor.accounting.JournalPeriod;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The accounting export benchmark (issue 18, item 6): {@code --kontor.bench.accounting=<merchant id>} exports the
 * month of that merchant's live mode with the most bookings (or {@code kontor.bench.accounting-month=YYYY-MM}) as a
 * DATEV batch, then again (the same bytes: nothing stored), then as CSV, as the merchant's first FINANCE user. Prints
 * per export the time, lines, bytes and the heap used (sampled every 50 ms, after a GC before each export), then
 * stops Kontor. Meant for the 1,000,000-process fill; it adds its exports to the database.
 */
@Component
@ConditionalOnProperty(name = "kontor.bench.accounting")
class AccountingExportBench implements ApplicationRunner {

    private final AccountingExports exports;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final long merchantId;
    private final String month;

    AccountingExportBench(
            AccountingExports exports,
            JdbcTemplate jdbc,
            ApplicationContext context,
            @Value("${kontor.bench.accounting}") long merchantId,
            @Value("${kontor.bench.accounting-month:}") String month) {
        this.exports = exports;
        this.jdbc = jdbc;
        this.context = context;
        this.merchantId = merchantId;
        this.month = month;
    }

    @Override
    public void run(ApplicationArguments args) {
        Partition partition = new Partition(merchantId, Mode.LIVE);
        YearMonth chosen = month.isBlank()
                ? YearMonth.parse(jdbc.queryForObject(
                        "select date_format(booked_at, '%Y-%m') m from booking where partition_key = ?"
                                + " group by m order by count(*) desc limit 1",
                        String.class, partition.key()))
                : YearMonth.parse(month);
        System.out.printf(
                Locale.ROOT,
                "Accounting export bench on %s, %s: %,d bookings in the database%n",
                partition.key(),
                chosen,
                jdbc.queryForObject("select count(*) from booking", Long.class));
        KontorUser finance = jdbc.queryForObject(
                """
                select u.id, u.email, u.display_name from app_user u join user_role r on r.user_id = u.id
                where u.merchant_id = ? and r.role = 'FINANCE' order by u.id limit 1""",
                (rs, row) -> new KontorUser(
                        rs.getLong("id"),
                        merchantId,
                        rs.getString("email"),
                        rs.getString("display_name"),
                        EnumSet.of(Role.FINANCE),
                        false,
                        false,
                        null),
                merchantId);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(finance, null, finance.getAuthorities()));
        JournalPeriod period = JournalPeriod.of(chosen);
        try {
            // DATEV twice: the second must find the same bytes and store nothing
            for (AccountingExportFormat format : new AccountingExportFormat[] {
                AccountingExportFormat.DATEV, AccountingExportFormat.DATEV, AccountingExportFormat.CSV
            }) {
                measure(partition, period, format);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private void measure(Partition partition, JournalPeriod period, AccountingExportFormat format) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0,
                50,
                TimeUnit.MILLISECONDS);
        Instant start = Instant.now();
        AccountingExportOutcome outcome = TenancyScope.inPartition(partition, () -> exports.export(period, format));
        Duration took = Duration.between(start, Instant.now());
        sampler.shutdownNow();
        AccountingExportEntry e = outcome.export();
        System.out.printf(
                Locale.ROOT,
                "%s %s: %,d lines from %,d bookings, %.1f MB, in %.1f s (%.0f lines/s); %s; heap %,d MB before,"
                        + " peak %,d MB%n",
                format,
                period,
                e.rows(),
                e.records(),
                e.bytes() / 1e6,
                took.toMillis() / 1000.0,
                e.rows() / Math.max(0.001, took.toMillis() / 1000.0),
                outcome.sameAsPrevious() ? "same bytes as before, nothing stored" : "stored as export " + e.id(),
                before >> 20,
                peak.get() >> 20);
    }
}
