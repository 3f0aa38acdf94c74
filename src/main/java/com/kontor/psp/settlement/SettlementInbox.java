package com.kontor.psp.settlement;

import com.kontor.psp.ImportOutcome;
import com.kontor.psp.Reconciliation;
import com.kontor.psp.ReconciliationProperties;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The watched folder of PSP-4 and the daily reconciliation: every morning (one server only, ShedLock) each report in
 * {@code <inbox>/<merchantId>/<live|test>/*.csv} is imported as Kontor itself and moved to {@code imported/} or, when
 * refused, to {@code refused/} with a {@code .reason.txt}; then every partition with reports is searched for
 * provider bookings that no report settled.
 */
@Component
public class SettlementInbox {

    private static final Logger log = LoggerFactory.getLogger(SettlementInbox.class);

    private final Reconciliation reconciliation;
    private final ReconciliationProperties properties;
    private final JdbcTemplate jdbc;

    SettlementInbox(Reconciliation reconciliation, ReconciliationProperties properties, JdbcTemplate jdbc) {
        this.reconciliation = reconciliation;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${kontor.reconciliation.cron:0 0 6 * * *}", zone = "${kontor.reconciliation.zone:Europe/Berlin}")
    @SchedulerLock(name = "reconciliation-daily", lockAtMostFor = "PT3H", lockAtLeastFor = "PT10M")
    void daily() {
        SystemScope.run("settlement reconciliation", () -> {
            importInbox();
            findMissingEverywhere();
            return null;
        });
    }

    /** Imports the reports waiting in the inbox; answers what became of each, by file. */
    public List<String> importInbox() {
        List<String> done = new ArrayList<>();
        Path inbox = properties.inbox();
        if (!Files.isDirectory(inbox)) {
            return done;
        }
        for (Path merchantDir : list(inbox)) {
            Optional<Long> merchantId = merchantId(merchantDir);
            if (merchantId.isEmpty()
                    || jdbc.queryForObject(
                                    "select count(*) from merchant where id = ?", Integer.class, merchantId.get())
                            == 0) {
                continue;
            }
            for (Mode mode : Mode.values()) {
                Path modeDir = merchantDir.resolve(mode.urlSegment());
                if (!Files.isDirectory(modeDir)) {
                    continue;
                }
                Partition partition = new Partition(merchantId.get(), mode);
                for (Path file : list(modeDir)) {
                    if (Files.isRegularFile(file)
                            && file.getFileName()
                                    .toString()
                                    .toLowerCase(Locale.ROOT)
                                    .endsWith(".csv")) {
                        done.add(importFile(partition, file));
                    }
                }
            }
        }
        return done;
    }

    private String importFile(Partition partition, Path file) {
        String name = file.getFileName().toString();
        try {
            byte[] bytes = Files.readAllBytes(file);
            ImportOutcome outcome =
                    TenancyScope.inPartition(partition, () -> reconciliation.importReport(name, bytes, null));
            Path target;
            if (outcome instanceof ImportOutcome.Refused refused) {
                target = moveTo(file, "refused");
                Files.writeString(
                        target.resolveSibling(target.getFileName() + ".reason.txt"),
                        refused.english() + System.lineSeparator(),
                        StandardCharsets.UTF_8);
                log.warn("Settlement report {} of {} refused: {}", name, partition.key(), refused.english());
            } else {
                target = moveTo(file, "imported");
                log.info("Settlement report {} of {}: {}", name, partition.key(), outcome);
            }
            return name + ": " + outcome;
        } catch (IOException | RuntimeException e) {
            log.error("Settlement report {} of {} could not be imported: {}", name, partition.key(), e.toString());
            return name + ": " + e;
        }
    }

    /** Looks for missing settlements in every partition that has imported reports. */
    public void findMissingEverywhere() {
        for (String key : jdbc.queryForList("select distinct partition_key from settlement_report", String.class)) {
            Partition partition = Partition.ofKey(key);
            try {
                int found = TenancyScope.inPartition(partition, reconciliation::findMissing);
                if (found > 0) {
                    log.info("{} provider bookings of {} are missing in the settlement reports", found, key);
                }
            } catch (RuntimeException e) {
                log.warn("Looking for missing settlements of {} failed: {}", key, e.toString());
            }
        }
    }

    private static Path moveTo(Path file, String folder) throws IOException {
        Path dir = Files.createDirectories(file.resolveSibling(folder));
        Path target = dir.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = dir.resolve(System.currentTimeMillis() + "-" + file.getFileName());
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Optional<Long> merchantId(Path dir) {
        String name = dir.getFileName().toString();
        if (!Files.isDirectory(dir) || !name.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(name));
    }

    private static List<Path> list(Path dir) {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(paths::add);
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", dir, e.toString());
        }
        paths.sort(null);
        return paths;
    }
}
