package com.kontor.text;

/**
 * Recognises full card numbers (PANs), which Kontor never stores or accepts anywhere (DEB-4, PCI DSS): cards are the
 * provider's token plus the last four digits. A PAN is 13 to 19 digits, single spaces or dashes allowed between
 * them, that start as a card network's numbers do (2, 3, 4, 5, 6 or 8 with their ranges) and whose Luhn check digit
 * is right. The network prefix keeps long order numbers that happen to pass Luhn from being mistaken for one.
 */
public final class CardNumbers {

    private CardNumbers() {}

    /** Whether the whole value is a card number (separators allowed). */
    public static boolean isFullCardNumber(String input) {
        if (input == null) {
            return false;
        }
        String digits = input.strip().replaceAll("[ -]", "");
        return digits.chars().allMatch(c -> c >= '0' && c <= '9') && isCardNumber(digits);
    }

    /** Whether a card number stands anywhere in the text: a run of digits and single separators. */
    public static boolean containsCardNumber(String text) {
        if (text == null) {
            return false;
        }
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : 'x';
            if (c >= '0' && c <= '9') {
                run.append(c);
            } else if ((c == ' ' || c == '-')
                    && !run.isEmpty()
                    && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1))) {
                continue; // a separator between digits belongs to the run
            } else {
                if (containsCardNumberIn(run)) {
                    return true;
                }
                run.setLength(0);
            }
        }
        return false;
    }

    /** A run longer than 19 digits is no card number; a run of 13 to 19 is checked whole. */
    private static boolean containsCardNumberIn(CharSequence run) {
        return run.length() >= 13 && run.length() <= 19 && isCardNumber(run.toString());
    }

    private static boolean isCardNumber(String digits) {
        return digits.length() >= 13 && digits.length() <= 19 && networkPrefix(digits) && luhn(digits);
    }

    private static boolean networkPrefix(String digits) {
        int two = Integer.parseInt(digits.substring(0, 2));
        return switch (digits.charAt(0)) {
            case '4', '5', '6' -> true;
            case '3' -> two == 30 || two >= 34;
            case '2' -> two >= 22 && two <= 27;
            case '8' -> two == 81 || two == 82;
            default -> false;
        };
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
