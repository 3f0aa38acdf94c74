package com.kontor.tenancy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The formats of postal addresses, VAT ids and phone numbers, for debtors' master data and the merchant's letterhead
 * alike: the country is an ISO 3166 alpha-2 code; the postcode follows the country's format where Kontor knows it and
 * is otherwise short and plain; a VAT id with an EU member state's prefix follows that state's pattern (as the EU's
 * VIES service documents them); a phone number is possible in its country (Google's libphonenumber: with a leading
 * {@code +} and country code, or national in the given country).
 */
public final class AddressRules {

    /** Every ISO 3166 alpha-2 code the JDK knows, current ones only. */
    public static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private static final Map<String, Pattern> POSTCODES = Map.ofEntries(
            postcode("DE", "\\d{5}"),
            postcode("AT", "\\d{4}"),
            postcode("CH", "\\d{4}"),
            postcode("LI", "94[89]\\d"),
            postcode("FR", "\\d{5}"),
            postcode("NL", "[1-9]\\d{3} ?[A-Z]{2}"),
            postcode("GB", "GIR ?0AA|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}"),
            postcode("BE", "[1-9]\\d{3}"),
            postcode("LU", "(L-)?\\d{4}"),
            postcode("DK", "\\d{4}"),
            postcode("IT", "\\d{5}"),
            postcode("ES", "\\d{5}"),
            postcode("PL", "\\d{2}-\\d{3}"),
            postcode("SE", "\\d{3} ?\\d{2}"),
            postcode("US", "\\d{5}(-\\d{4})?"));

    /** Any other country's postcode: letters, digits, spaces and hyphens, 2 to 10 of them. */
    private static final Pattern ANY_POSTCODE = Pattern.compile("[A-Z0-9][A-Z0-9 -]{1,9}");

    /** VAT ids of the EU member states (and XI, Northern Ireland), without spaces, dots and hyphens. */
    private static final Map<String, Pattern> EU_VAT_IDS = Map.ofEntries(
            vat("AT", "U\\d{8}"),
            vat("BE", "[01]\\d{9}"),
            vat("BG", "\\d{9,10}"),
            vat("CY", "\\d{8}[A-Z]"),
            vat("CZ", "\\d{8,10}"),
            vat("DE", "\\d{9}"),
            vat("DK", "\\d{8}"),
            vat("EE", "\\d{9}"),
            vat("EL", "\\d{9}"),
            vat("ES", "[A-Z0-9]\\d{7}[A-Z0-9]"),
            vat("FI", "\\d{8}"),
            vat("FR", "[A-HJ-NP-Z0-9]{2}\\d{9}"),
            vat("HR", "\\d{11}"),
            vat("HU", "\\d{8}"),
            vat("IE", "\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]"),
            vat("IT", "\\d{11}"),
            vat("LT", "\\d{9}|\\d{12}"),
            vat("LU", "\\d{8}"),
            vat("LV", "\\d{11}"),
            vat("MT", "\\d{8}"),
            vat("NL", "\\d{9}B\\d{2}"),
            vat("PL", "\\d{10}"),
            vat("PT", "\\d{9}"),
            vat("RO", "[1-9]\\d{1,9}"),
            vat("SE", "\\d{10}01"),
            vat("SI", "\\d{8}"),
            vat("SK", "\\d{10}"),
            vat("XI", "\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}"));

    /** A VAT id of a country outside the EU: letters and digits, at least four, with spaces, dots or hyphens. */
    private static final Pattern OTHER_VAT_ID = Pattern.compile("[A-Z]{2}[A-Z0-9]{2,}");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private AddressRules() {}

    /**
     * What is wrong with a postcode in a country (null: unknown country, the plain rule applies): {@code "postcode"}
     * when it breaks the country's format, {@code "postcodeCharacters"} when it is not short and plain, else null.
     */
    public static String postcodeProblem(String country, String postcode) {
        String upper = postcode.toUpperCase(Locale.ROOT);
        Pattern known = country == null ? null : POSTCODES.get(country);
        if (known != null && !known.matcher(upper).matches()) {
            return "postcode";
        } else if (known == null && !ANY_POSTCODE.matcher(upper).matches()) {
            return "postcodeCharacters";
        }
        return null;
    }

    /** Whether a VAT id has an EU member state's pattern, or a plausible other country's shape. */
    public static boolean isVatId(String vatId) {
        String compact = vatId.toUpperCase(Locale.ROOT).replaceAll("[ .-]", "");
        if (compact.length() < 4 || compact.length() > 20) {
            return false;
        }
        Pattern eu = EU_VAT_IDS.get(compact.substring(0, 2));
        if (eu != null) {
            return eu.matcher(compact.substring(2)).matches();
        }
        return OTHER_VAT_ID.matcher(compact).matches();
    }

    /**
     * A number a phone could dial: with {@code +} and a country code, or in the national format of {@code country}.
     * Only the length per country is checked, not whether the number is assigned (ranges change).
     */
    public static boolean isPhoneNumber(String phone, String country) {
        if (!phone.matches("\\+?[0-9 ()/.-]{4,30}")) {
            return false;
        }
        String region = phone.startsWith("+") || country == null ? "ZZ" : country;
        try {
            return PHONES.isPossibleNumber(PHONES.parse(phone, region));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static Map.Entry<String, Pattern> postcode(String country, String regex) {
        return Map.entry(country, Pattern.compile(regex));
    }

    private static Map.Entry<String, Pattern> vat(String prefix, String regex) {
        return Map.entry(prefix, Pattern.compile(regex));
    }
}
