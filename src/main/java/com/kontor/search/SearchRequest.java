package com.kontor.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A search (SRCH-1): up to three criteria, ANDed; an optional portal; an optional date range of days in the
 * merchant's time zone, both ends inclusive.
 */
public record SearchRequest(Long portalId, List<Criterion> criteria, LocalDate from, LocalDate to) {

    public record Criterion(Category category, String value) {}

    public SearchRequest {
        criteria = List.copyOf(criteria);
    }
}
