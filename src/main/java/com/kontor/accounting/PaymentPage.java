package com.kontor.accounting;

import java.util.List;

/** One page of the payments list and whether rows follow it (read as limit + 1, never counted). */
public record PaymentPage(List<PaymentRow> rows, boolean more) {

    /** The position after the last row, where the next page starts; null for an empty page. */
    public PaymentCursor next() {
        return rows.isEmpty() ? null : rows.getLast().cursor();
    }
}
