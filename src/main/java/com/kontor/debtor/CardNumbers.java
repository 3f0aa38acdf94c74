package com.kontor.debtor;

/**
 * Recognises full card numbers (PANs), which Kontor never stores or accepts (DEB-4, PCI DSS): cards are the
 * provider's token plus the last four digits. A PAN is 13 to 19 digits (spaces and dashes allowed between) whose
 * Luhn check digit is right.
 */
public final class CardNumbers {

    private CardNumbers() {}

    public static boolean isFullCardNumber(String input) {
        if (input == null) {
            return false;
        }
        String digits = input.replaceAll("[\\s-]", "");
        if (digits.length() < 13 || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
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
