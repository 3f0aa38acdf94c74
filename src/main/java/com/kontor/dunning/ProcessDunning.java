package com.kontor.dunning;

import com.kontor.ledger.DunningStatus;
import java.time.LocalDate;
import java.util.List;

public record ProcessDunning(
        long txid,
        int level,
        DunningStatus status,
        LocalDate nextNoticeOn,
        boolean blocked,
        long version,
        int maxLevel,
        List<DunningEntry> entries) {}
