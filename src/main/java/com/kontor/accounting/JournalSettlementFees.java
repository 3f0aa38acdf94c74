package com.kontor.accounting;

import com.kontor.psp.SettlementFees;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The providers' costs from imported settlement reports (PSP-4) as journal lines (ACCT-1), after the bookings: the
 * fee account ("Nebenkosten des Geldverkehrs") against the provider's clearing account, on the day the report settled
 * the line; a refunded fee (negative) books the other way round. The document is the process's TXID, or the provider's
 * reference where a fee belongs to no process.
 */
@Component
class JournalSettlementFees implements JournalSource {

    private final SettlementFees fees;
    private final MessageSource messages;

    JournalSettlementFees(SettlementFees fees, MessageSource messages) {
        this.fees = fees;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public long forEach(JournalRequest request, Consumer<JournalLine> sink) {
        long[] read = {0};
        String text = messages.getMessage("accountMapping.providerFees", null, request.locale());
        fees.forEach(
                request.partition(), request.period().from(), request.period().to(), fee -> {
                    read[0]++;
                    if (fee.amount() == 0) {
                        return;
                    }
                    String document = fee.txid() != null ? Long.toString(fee.txid()) : fee.reference();
                    sink.accept(JournalLine.signed(
                            fee.settledOn(),
                            fee.amount(),
                            fee.currency(),
                            request.mapping().providerFees(),
                            request.mapping().clearingFor(fee.provider()),
                            document,
                            text + " " + fee.provider() + " " + fee.reference(),
                            fee.txid(),
                            null));
                });
        return read[0];
    }
}
