package com.kontor.dunning;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** TEMPORARY local copy of the lead's signatures, removed before merging main. */
@Service
public class DunningService {

    public ProcessDunning ofProcess(long txid) {
        throw new UnsupportedOperationException("lead's DunningService not merged yet");
    }

    public List<DunningEntry> ofDebtor(long debtorId, LocalDate from, LocalDate to, boolean activeOnly) {
        throw new UnsupportedOperationException("lead's DunningService not merged yet");
    }

    public DunningEntry setLevel(long txid, int level, boolean send, long expectedVersion) {
        throw new UnsupportedOperationException("lead's DunningService not merged yet");
    }

    public void amendNextNotice(long txid, LocalDate date) {
        throw new UnsupportedOperationException("lead's DunningService not merged yet");
    }
}
