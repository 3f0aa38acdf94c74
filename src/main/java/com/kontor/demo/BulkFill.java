package com.kontor.demo;

import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.PortalSummary;
import com.kontor.tenancy.SettingsSnapshot;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The bulk fill for benchmarks (PLAT-5): {@code --kontor.fill.processes=1000000} writes that many payment processes
 * with their bookings, and {@code kontor.fill.debtors} debtors (default 30 % of the processes), into merchant A's live
 * mode, then stops Kontor. The demo merchants are created first when the database is empty. For test databases
 * only: the demo merchants have published passwords. See README, "Filling a database for benchmarks".
 */
@Component
@ConditionalOnProperty(name = "kontor.fill.processes")
class BulkFill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkFill.class);

    private final DemoDataGenerator demo;
    private final LedgerDataGenerator generator;
    private final MerchantDirectory merchants;
    private final PlatformAdministration platform;
    private final ApplicationContext context;
    private final long processes;
    private final int debtors;

    BulkFill(
            DemoDataGenerator demo,
            LedgerDataGenerator generator,
            MerchantDirectory merchants,
            PlatformAdministration platform,
            ApplicationContext context,
            @Value("${kontor.fill.processes}") long processes,
            @Value("${kontor.fill.debtors:0}") int debtors) {
        this.demo = demo;
        this.generator = generator;
        this.merchants = merchants;
        this.platform = platform;
        this.context = context;
        this.processes = processes;
        this.debtors = debtors > 0 ? debtors : (int) Math.max(1, processes * 3 / 10);
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant start = Instant.now();
        demo.seedIfEmpty(10);
        long merchantA = SystemScope.run(
                "bulk fill",
                () -> platform.merchants().stream()
                        .filter(m -> m.name().equals(DemoLogins.MERCHANT_A))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("No merchant " + DemoLogins.MERCHANT_A))
                        .id());
        Partition partition = new Partition(merchantA, Mode.LIVE);
        String prefix = "F" + (System.currentTimeMillis() / 1000 % 100000) + "-";
        System.out.printf(
                "Filling %s, live mode: %,d processes for %,d debtors (customer numbers %s…)%n",
                DemoLogins.MERCHANT_A, processes, debtors, prefix);
        LedgerDataGenerator.Result result = SystemScope.run(
                "bulk fill",
                () -> TenancyScope.inPartition(partition, () -> {
                    MerchantSummary merchant = merchants.requireCurrent();
                    SettingsSnapshot settings = merchant.settings();
                    return generator.generate(
                            partition,
                            merchant.portals().stream().map(PortalSummary::id).toList(),
                            LedgerDataGenerator.GERMANY,
                            settings.defaultCurrency().getCurrencyCode(),
                            settings.timeZone(),
                            settings.paymentTermDays(),
                            prefix,
                            debtors,
                            processes,
                            2000,
                            System.nanoTime(),
                            written -> {
                                if (written % 50_000 < 6_700) {
                                    System.out.printf(
                                            "  %,d processes after %s%n",
                                            written,
                                            Duration.between(start, Instant.now())
                                                    .withNanos(0));
                                }
                            });
                }));
        Duration took = Duration.between(start, Instant.now());
        System.out.printf(
                "Filled %,d debtors, %,d processes, %,d bookings in %s (%,.0f processes/s)%n",
                result.debtors(),
                result.processes(),
                result.bookings(),
                took.withNanos(0),
                result.processes() / Math.max(0.001, took.toMillis() / 1000.0));
        log.info("Bulk fill done; stopping");
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
