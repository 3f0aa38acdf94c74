package com.kontor.psp;

import java.util.function.BiFunction;

/** What Kontor asks of a provider (PSP-1), named in the provider log as it has always been. */
public enum ProviderOperation {
    PREAUTHORISE("preauthorise", PaymentProvider::preauthorise),
    AUTHORISE("authorise", PaymentProvider::authorise),
    CAPTURE("capture", PaymentProvider::capture),
    REFUND("refund", PaymentProvider::refund),
    DEBIT("debit", PaymentProvider::debit),
    CANCEL("cancel", PaymentProvider::cancel);

    private final String logName;
    private final BiFunction<PaymentProvider, ProviderRequest, ProviderAnswer> call;

    ProviderOperation(String logName, BiFunction<PaymentProvider, ProviderRequest, ProviderAnswer> call) {
        this.logName = logName;
        this.call = call;
    }

    /** The operation's name in the provider log (TX-8). */
    public String logName() {
        return logName;
    }

    ProviderAnswer sendTo(PaymentProvider provider, ProviderRequest request) {
        return call.apply(provider, request);
    }
}
