package com.kontor.debtor;

import com.kontor.tenancy.OperationRefused;
import java.util.Locale;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * A validated IBAN (ISO 13616: country format and mod-97 check digits, by iban4j), normalised to upper case
 * without spaces. Its {@code toString} is masked, so a full IBAN never reaches a log by accident; the full value
 * is only for encryption and fingerprinting (DEB-4).
 */
public final class Iban {

    private final String value;

    private Iban(String value) {
        this.value = value;
    }

    /** Accepts spaces and lower case, as people type IBANs; refuses anything invalid on the field "iban". */
    public static Iban parse(String input) {
        String normalised = normalise(input);
        try {
            IbanUtil.validate(normalised);
        } catch (InvalidCheckDigitException e) {
            throw OperationRefused.onField("iban", "iban.checkDigit");
        } catch (UnsupportedCountryException e) {
            throw OperationRefused.onField("iban", "iban.country");
        } catch (IbanFormatException e) {
            throw OperationRefused.onField("iban", "iban.format");
        }
        return new Iban(normalised);
    }

    /** Upper case, all whitespace removed: the form that is compared, fingerprinted and stored. */
    public static String normalise(String input) {
        return input == null ? "" : input.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    public String value() {
        return value;
    }

    /** First four and last four characters, e.g. {@code DE89…3000}. */
    public String masked() {
        return value.substring(0, 4) + "…" + value.substring(value.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Iban other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
