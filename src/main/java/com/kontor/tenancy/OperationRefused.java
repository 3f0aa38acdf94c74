package com.kontor.tenancy;

import java.util.Arrays;

/**
 * A rule refused an operation; nothing was changed. Carries a message key (UI bundles) and, where one field is
 * to blame, its name, so the view can show the message next to that field.
 */
public class OperationRefused extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public OperationRefused(String messageKey, String field, Object... arguments) {
        super(messageKey + (field == null ? "" : " (" + field + ")"));
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments;
    }

    public static OperationRefused because(String messageKey, Object... arguments) {
        return new OperationRefused(messageKey, null, arguments);
    }

    public static OperationRefused onField(String field, String messageKey, Object... arguments) {
        return new OperationRefused(messageKey, field, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    /** The form field to blame, or null. */
    public String field() {
        return field;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}
