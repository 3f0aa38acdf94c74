package com.kontor.text;

/**
 * What a free-text value (a name, an address line, a reference, a comment, a blacklist value) may hold: no control
 * characters, including the invisible bidirectional controls that can make a text read differently from what it is
 * (U+202A..U+202E, U+2066..U+2069, and the marks U+200E, U+200F, U+061C); no lone surrogate; and never a full card
 * number (DEB-4). The API and the portal check every such value by these rules.
 */
public final class FreeText {

    /** Why a text was refused. */
    public enum Problem {
        CONTROL_CHARACTER("text.controlCharacters"),
        LONE_SURROGATE("text.loneSurrogate"),
        CARD_NUMBER("text.cardNumber");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The message that says what is wrong, in the portal's and the API's messages. */
        public String messageKey() {
            return messageKey;
        }
    }

    private FreeText() {}

    /** The first problem of a one-line value, or null when it is fine. */
    public static Problem problem(String value) {
        return problem(value, false);
    }

    /** The first problem of a value; {@code multiLine} allows line breaks (a comment). */
    public static Problem problem(String value, boolean multiLine) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Problem.LONE_SURROGATE;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return Problem.LONE_SURROGATE;
            } else if (isControl(c) && !(multiLine && (c == '\n' || c == '\r'))) {
                return Problem.CONTROL_CHARACTER;
            }
        }
        return CardNumbers.containsCardNumber(value) ? Problem.CARD_NUMBER : null;
    }

    /** Whether the value is free of every problem. */
    public static boolean isPlain(String value) {
        return problem(value) == null;
    }

    /** Control characters and the bidirectional controls and marks. */
    public static boolean isControl(char c) {
        return Character.isISOControl(c)
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C';
    }
}
