package com.kontor.operation;

import java.math.BigDecimal;

/**
 * One item of a credit entry (OPS-3): the article text shown on the credit note, the quantity, the VAT rate in
 * percent and the gross price of one piece in minor units.
 */
public record CreditItem(String description, int quantity, BigDecimal vatPercent, long unitGross) {

    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_QUANTITY = 9_999;
    public static final BigDecimal MAX_VAT = new BigDecimal("100");

    /** quantity × unit gross, exact. */
    public long gross() {
        return Math.multiplyExact(quantity, unitGross);
    }
}
