package com.kontor.accounting;

import com.kontor.tenancy.Partition;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What a {@link JournalSource} needs to write the lines of one export: the partition, the period and the merchant's
 * time zone it is cut in, the accounts, the revenue account of the merchant's VAT rate and the language of the texts.
 */
public record JournalRequest(
        Partition partition,
        JournalPeriod period,
        ZoneId zone,
        AccountMapping mapping,
        String revenueAccount,
        Locale locale) {}
