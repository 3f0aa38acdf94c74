package com.kontor.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the audit view and its CSV export show (AUD-2): the records of one mode (and those of no mode: logins, user
 * administration), narrowed by up to three combinable criteria and a day range in the merchant's time zone, both
 * days inclusive.
 */
public record AuditFilter(String mode, List<Criterion> criteria, LocalDate from, LocalDate to, ZoneId zone) {

    public static final int MAX_CRITERIA = 3;

    /** What a criterion compares: people's names and texts by part, numbers and event types exactly. */
    public enum Field {
        USER,
        EVENT_TYPE,
        DEBTOR_NUMBER,
        TXID,
        COMMENT,
        DETAILS;

        public boolean isNumber() {
            return this == DEBTOR_NUMBER || this == TXID;
        }
    }

    public record Criterion(Field field, String value) {

        public Criterion {
            Objects.requireNonNull(field, "field");
            value = value == null ? "" : value.strip();
        }
    }

    public AuditFilter {
        Objects.requireNonNull(mode, "mode");
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Refuses what cannot be searched, naming the input: {@code criterion<n>} (1-based), {@code from} or {@code to}.
     */
    public void validate() {
        if (criteria.size() > MAX_CRITERIA) {
            throw new InvalidAuditFilter("criterion" + (MAX_CRITERIA + 1), "audit.filter.tooMany");
        }
        for (int i = 0; i < criteria.size(); i++) {
            Criterion criterion = criteria.get(i);
            String input = "criterion" + (i + 1);
            if (criterion.value().isEmpty()) {
                throw new InvalidAuditFilter(input, "audit.filter.empty");
            }
            if (criterion.field().isNumber() && !criterion.value().matches("[0-9]{1,18}")) {
                throw new InvalidAuditFilter(input, "audit.filter.number");
            }
            if (criterion.field() == Field.EVENT_TYPE && !isEventType(criterion.value())) {
                throw new InvalidAuditFilter(input, "audit.filter.eventType");
            }
            if (criterion.value().length() > 200) {
                throw new InvalidAuditFilter(input, "audit.filter.tooLong");
            }
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidAuditFilter("to", "audit.filter.range");
        }
    }

    private static boolean isEventType(String value) {
        for (AuditEventType type : AuditEventType.values()) {
            if (type.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** A filter that cannot be searched; {@code input} names the field to mark, {@code messageKey} the message. */
    public static final class InvalidAuditFilter extends IllegalArgumentException {

        private final String input;
        private final String messageKey;

        public InvalidAuditFilter(String input, String messageKey) {
            super(input + ": " + messageKey);
            this.input = input;
            this.messageKey = messageKey;
        }

        public String input() {
            return input;
        }

        public String messageKey() {
            return messageKey;
        }
    }
}
