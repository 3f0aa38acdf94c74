package com.kontor.psp;

import java.util.List;

/**
 * One operation asked of a provider: its answer and the exchanges for the process's provider log (TX-8), which the
 * caller writes with {@link ProviderLog#record} in the transaction that books the outcome.
 */
public record ProviderCall(ProviderAnswer answer, List<ProviderExchange> exchanges) {

    public boolean approved() {
        return answer.outcome() == ProviderAnswer.Outcome.APPROVED;
    }

    /** Declined, or failed after every retry. */
    public boolean failed() {
        return answer.outcome() == ProviderAnswer.Outcome.DECLINED || answer.outcome() == ProviderAnswer.Outcome.ERROR;
    }
}
