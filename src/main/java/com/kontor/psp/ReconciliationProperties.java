package com.kontor.psp;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kontor.reconciliation.*} (PSP-4): after how many days a provider booking no report settled is an open item;
 * the watched folder ({@code <inbox>/<merchantId>/<live|test>/*.csv}); the daily job's time and zone.
 */
@ConfigurationProperties("kontor.reconciliation")
public record ReconciliationProperties(Integer missingAfterDays, Path inbox, String cron, String zone) {

    public ReconciliationProperties {
        missingAfterDays = missingAfterDays == null ? 3 : Math.max(0, missingAfterDays);
        inbox = inbox == null ? Path.of("data", "settlements") : inbox;
        cron = cron == null ? "0 0 6 * * *" : cron;
        zone = zone == null ? "Europe/Berlin" : zone;
    }
}
