package com.kontor.operation;

/**
 * A money operation refused by a rule, with the stable code of API.md: {@code NOT_FOUND}, {@code INVALID_STATE},
 * {@code AMOUNT_EXCEEDS_LIMIT}, {@code BLACKLISTED}, {@code PROVIDER_NOT_CONFIGURED}, {@code PROVIDER_DECLINED}.
 * Nothing was changed, except that a blacklisted payment is recorded as an ERROR process ({@link #txid()}).
 */
public class PaymentRefused extends RuntimeException {

    public enum Code {
        NOT_FOUND,
        INVALID_STATE,
        AMOUNT_EXCEEDS_LIMIT,
        BLACKLISTED,
        PROVIDER_NOT_CONFIGURED,
        PROVIDER_DECLINED
    }

    private final Code code;
    private final Long txid;

    public PaymentRefused(Code code, String message, Long txid) {
        super(message);
        this.code = code;
        this.txid = txid;
    }

    public PaymentRefused(Code code, String message) {
        this(code, message, null);
    }

    public Code code() {
        return code;
    }

    /** The TXID of the process recorded for a refused payment (BLACKLISTED), else null. */
    public Long txid() {
        return txid;
    }
}
