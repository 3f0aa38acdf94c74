package com.kontor.accounting.internal;

import com.kontor.accounting.PaymentCursor;
import com.kontor.accounting.PaymentFilter;
import com.kontor.accounting.PaymentKind;
import com.kontor.accounting.PaymentPage;
import com.kontor.accounting.PaymentsCsv;
import com.kontor.accounting.PaymentsList;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * The payments list benchmark (issue 18, item 6): {@code --kontor.bench.payments=<merchant id>} measures, in that
 * merchant's live mode and as one of its FINANCE or ADMIN users, p50/p95 of the first page of 50 rows (the current
 * month; twelve months without a type filter), of filtered first pages, of a deep page reached by key, of the sums,
 * and the CSV export of 100,000 rows with the heap sampled while it runs; prints the plans, then stops Kontor. Meant
 * for the 1,000,000-process fill (README, "Filling a database for benchmarks"); it adds one audit record per export.
 */
@Component
@ConditionalOnProperty(name = "kontor.bench.payments")
class PaymentsBench implements ApplicationRunner {

    private static final int PAGE = 50;

    private final PaymentsList payments;
    private final PaymentsCsv csv;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final long merchantId;
    private final int runs;

    PaymentsBench(
            PaymentsList payments,
            PaymentsCsv csv,
            JdbcTemplate jdbc,
            ApplicationContext context,
            @Value("${kontor.bench.payments}") long merchantId,
            @Value("${kontor.bench.payments-runs:50}") int runs) {
        this.payments = payments;
        this.csv = csv;
        this.jdbc = jdbc;
        this.context = context;
        this.merchantId = merchantId;
        this.runs = runs;
    }

    @Override
    public void run(ApplicationArguments args) {
        Partition partition = new Partition(merchantId, Mode.LIVE);
        KontorUser user = financeUser();
        var security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(security);
        try {
            TenancyScope.inPartition(partition, () -> measureAll(partition));
        } finally {
            SecurityContextHolder.clearContext();
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private void measureAll(Partition partition) {
        ZoneId zone = payments.zone();
        LocalDate today = LocalDate.now(zone);
        PaymentFilter month = PaymentFilter.month(today);
        PaymentFilter year = new PaymentFilter(
                today.minusDays(PaymentFilter.MAX_DAYS - 1), today, null, null, null, null, null, null, null);
        System.out.printf(
                Locale.ROOT,
                "Payments list bench on %s as %s: %,d processes, %,d bookings in the partition%n",
                partition.key(),
                SecurityContextHolder.getContext().getAuthentication().getName(),
                count("select count(*) from payment_process where partition_key = ?", partition.key()),
                count("select count(*) from booking where partition_key = ?", partition.key()));
        Map<String, PaymentFilter> filters = new LinkedHashMap<>();
        filters.put("first page, current month", month);
        filters.put("first page, longest range, every type", year);
        filters.put("provider PAYONE, month", with(month, null, "PAYONE", null, null, null, null, null));
        filters.put(
                "method DIRECT_DEBIT, month",
                with(month, null, null, PaymentMethod.DIRECT_DEBIT, null, null, null, null));
        filters.put("type REFUND, month", month.withKinds(Set.of(PaymentKind.REFUND)));
        filters.put("type REFUND, longest range", year.withKinds(Set.of(PaymentKind.REFUND)));
        filters.put("type RETURNED_DEBIT, longest range", year.withKinds(Set.of(PaymentKind.RETURNED_DEBIT)));
        filters.put("type CHARGEBACK_REVERSAL, longest range", year.withKinds(Set.of(PaymentKind.CHARGEBACK_REVERSAL)));
        filters.put("amount 100.00-200.00, month", month.withAmounts(10_000L, 20_000L));
        filters.put("status OPEN, month", with(month, null, null, null, null, null, null, ProcessStatus.OPEN));
        filters.put(
                "CARD + REFUND + 10.00-50.00, longest range",
                with(year, null, null, PaymentMethod.CARD, EnumSet.of(PaymentKind.REFUND), 1_000L, 5_000L, null));

        System.out.printf(
                Locale.ROOT,
                "%-40s %9s %9s %6s   (%d runs after 5 warm-up)%n",
                "page of 50",
                "p50 ms",
                "p95 ms",
                "rows",
                runs);
        filters.forEach((name, filter) -> {
            int[] rows = new int[1];
            double[] t = time(
                    runs,
                    () -> rows[0] = payments.page(filter, null, PAGE).rows().size());
            print(name, t, rows[0]);
        });

        // a deep page: the cursor after 10,000 rows of the year, reached page by page as the grid does, then timed
        PaymentCursor deep = null;
        for (int i = 0; i < 10_000 / PaymentsList.MAX_PAGE; i++) {
            deep = payments.page(year, deep, PaymentsList.MAX_PAGE).next();
        }
        PaymentCursor at = deep;
        int[] deepRows = new int[1];
        print(
                "page after 10,000 rows (keyset), longest range",
                time(
                        runs,
                        () -> deepRows[0] = payments.page(year, at, PAGE).rows().size()),
                deepRows[0]);
        PaymentCursor walk = null;
        long walkStart = System.nanoTime();
        int pages = 0;
        do {
            PaymentPage page = payments.page(month, walk, PAGE);
            walk = page.more() ? page.next() : null;
            pages++;
        } while (walk != null && pages < 400);
        System.out.printf(
                Locale.ROOT,
                "walking the month page by page: %d pages of 50 in %.0f ms (%.1f ms a page)%n",
                pages,
                (System.nanoTime() - walkStart) / 1e6,
                (System.nanoTime() - walkStart) / 1e6 / pages);

        exportOf100000(zone);

        // the sums aggregate every filtered row: seconds for a month, so fewer runs after one warm-up
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %9s %9s %6s%n", "sums", "p50 ms", "p95 ms", "rows");
        long[] n = new long[1];
        print(
                "sums, current month (10 runs)",
                time(1, 10, () -> n[0] = payments.sums(month).getFirst().sum().count()),
                n[0]);
        print(
                "sums, type REFUND, month (10 runs)",
                time(
                        1,
                        10,
                        () -> n[0] = payments.sums(month.withKinds(Set.of(PaymentKind.REFUND)))
                                .getFirst()
                                .sum()
                                .count()),
                n[0]);
        print(
                "sums, status OPEN, month (5 runs)",
                time(
                        1,
                        5,
                        () -> n[0] = payments.sums(with(month, null, null, null, null, null, null, ProcessStatus.OPEN))
                                .getFirst()
                                .sum()
                                .count()),
                n[0]);
        print(
                "sums, longest range (2 runs)",
                time(0, 2, () -> n[0] = payments.sums(year).getFirst().sum().count()),
                n[0]);

        System.out.println();
        explain("first page, current month", payments.explainPage(month, null, PAGE));
        explain("page after 10,000 rows, longest range", payments.explainPage(year, at, PAGE));
        explain(
                "type RETURNED_DEBIT, longest range",
                payments.explainPage(year.withKinds(Set.of(PaymentKind.RETURNED_DEBIT)), null, PAGE));
        explain(
                "status OPEN, month",
                payments.explainPage(with(month, null, null, null, null, null, null, ProcessStatus.OPEN), null, PAGE));
        explain("sums, current month", payments.explainSums(month));
        explain(
                "sums, status OPEN, month",
                payments.explainSums(with(month, null, null, null, null, null, null, ProcessStatus.OPEN)));
    }

    /** The CSV export of the newest 100,000 money bookings (from the day of the 100,000th), heap sampled every 50 ms. */
    private void exportOf100000(ZoneId zone) {
        String key = new Partition(merchantId, Mode.LIVE).key();
        LocalDateTime oldest = jdbc.queryForObject(
                "select booked_at from booking where partition_key = ? and booking_type in"
                        + " ('PAYMENT', 'REFUND', 'CHARGEBACK', 'CHARGEBACK_REVERSAL', 'FEE')"
                        + " order by booked_at desc, id desc limit 1 offset 99999",
                LocalDateTime.class,
                key);
        LocalDate from = oldest.atOffset(ZoneOffset.UTC)
                .atZoneSameInstant(zone)
                .toLocalDate()
                .plusDays(1);
        PaymentFilter filter = new PaymentFilter(from, LocalDate.now(zone), null, null, null, null, null, null, null);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        AtomicLong max = new AtomicLong(before);
        AtomicLong samples = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> {
                    max.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                    samples.incrementAndGet();
                },
                0,
                50,
                TimeUnit.MILLISECONDS);
        long[] bytes = new long[1];
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        long start = System.nanoTime();
        long rows = csv.write(filter, Locale.GERMANY, counting);
        double millis = (System.nanoTime() - start) / 1e6;
        sampler.shutdownNow();
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf(
                Locale.ROOT,
                "%nCSV export %s..%s: %,d rows, %.1f MB in %.1f s (%,.0f rows/s); heap used before %.0f MB,"
                        + " highest of %d samples %.0f MB, after %.0f MB (max heap %.0f MB)%n",
                filter.from(),
                filter.to(),
                rows,
                bytes[0] / 1e6,
                millis / 1000,
                rows / (millis / 1000),
                before / 1e6,
                samples.get(),
                max.get() / 1e6,
                after / 1e6,
                runtime.maxMemory() / 1e6);
    }

    private static PaymentFilter with(
            PaymentFilter base,
            Long portalId,
            String provider,
            PaymentMethod method,
            Set<PaymentKind> kinds,
            Long min,
            Long max,
            ProcessStatus status) {
        return new PaymentFilter(base.from(), base.to(), portalId, provider, method, kinds, min, max, status);
    }

    private static double[] time(int runs, Runnable work) {
        return time(5, runs, work);
    }

    private static double[] time(int warmUp, int runs, Runnable work) {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void print(String name, double[] millis, long rows) {
        System.out.printf(
                Locale.ROOT,
                "%-40s %9.1f %9.1f %6d%n",
                name,
                millis[millis.length / 2],
                millis[(int) Math.ceil(millis.length * 0.95) - 1],
                rows);
    }

    private void explain(String name, List<Map<String, Object>> plan) {
        System.out.println("EXPLAIN " + name + ":");
        for (Map<String, Object> row : plan) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-6s %-7s %-28s rows=%-8s %s%n",
                    row.get("table"),
                    row.get("type"),
                    row.get("key"),
                    row.get("rows"),
                    row.get("Extra"));
        }
    }

    private KontorUser financeUser() {
        return jdbc.queryForObject(
                "select u.id, u.email, u.display_name, r.role from app_user u join user_role r on r.user_id = u.id"
                        + " where u.merchant_id = ? and r.role in ('FINANCE', 'ADMIN') order by r.role desc, u.id"
                        + " limit 1",
                (rs, i) -> new KontorUser(
                        rs.getLong("id"),
                        merchantId,
                        rs.getString("email"),
                        rs.getString("display_name"),
                        Set.of(Role.valueOf(rs.getString("role"))),
                        false,
                        false,
                        null),
                merchantId);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
