package com.kontor.debtor;

import com.kontor.tenancy.OperationRefused;
import java.util.Locale;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.UnsupportedCountryException;

/** A validated BIC (ISO 9362, 8 or 11 characters, by iban4j), upper case. */
public record Bic(String value) {

    public static Bic parse(String input) {
        String normalised = input == null ? "" : input.strip().toUpperCase(Locale.ROOT);
        try {
            BicUtil.validate(normalised);
        } catch (BicFormatException | UnsupportedCountryException e) {
            throw OperationRefused.onField("bic", "bic.invalid");
        }
        return new Bic(normalised);
    }
}
