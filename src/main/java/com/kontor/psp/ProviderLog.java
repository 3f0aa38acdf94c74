package com.kontor.psp;

import com.kontor.psp.internal.ProviderLogEntry;
import com.kontor.psp.internal.ProviderLogRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per process, what passed between Kontor and the provider (TX-8): references and outcomes, never a sensitive value. */
@Service
public class ProviderLog {

    private final ProviderLogRepository entries;

    public ProviderLog(ProviderLogRepository entries) {
        this.entries = entries;
    }

    /** Writes a call's exchanges for the process, in the caller's transaction (after the process itself). */
    public void record(long txid, ProviderCall call) {
        entries.saveAll(call.exchanges().stream()
                .map(x -> new ProviderLogEntry(
                        txid,
                        x.at(),
                        x.direction(),
                        x.operation(),
                        x.outcome(),
                        x.amount(),
                        x.providerReference(),
                        x.detail()))
                .toList());
    }

    /** The process's log, oldest first. */
    @Transactional(readOnly = true)
    public List<ProviderExchange> of(long txid) {
        return entries.findByTxidOrderByIdAsc(txid).stream()
                .map(e -> new ProviderExchange(
                        e.getLoggedAt(),
                        e.getDirection(),
                        e.getOperation(),
                        e.getOutcome(),
                        e.getAmount(),
                        e.getProviderRef(),
                        e.getDetail()))
                .toList();
    }
}
