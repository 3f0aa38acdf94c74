package com.kontor.document;

import java.math.BigDecimal;

/** One item line: quantity × unit gross price; VAT percent like 19, 7, 0 or 5.5 (scale ≤ 2). */
public record DocumentLine(String description, int quantity, BigDecimal vatPercent, long unitGrossMinor) {

    /** The line's gross amount in minor units; overflow is an error, not a wrong amount. */
    public long grossMinor() {
        return Math.multiplyExact(quantity, unitGrossMinor);
    }
}
