package com.kontor.debtor;

import com.kontor.tenancy.AddressRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The formats of a debtor's address and contact values, shared by the API (a 422 naming the field) and the portal's
 * edit dialog (a message next to the field): the country is an ISO 3166 alpha-2 code; the postcode follows the
 * country's format where Kontor knows it and is otherwise short and plain; a VAT id with an EU member state's prefix
 * follows that state's pattern (as the EU's VIES service documents them); a phone number is possible in its country
 * (Google's libphonenumber: with a leading {@code +} and country code, or national in the debtor's country).
 */
public final class MasterDataRules {

    /** Every ISO 3166 alpha-2 code the JDK knows, current ones only. */
    public static final Set<String> COUNTRIES = AddressRules.COUNTRIES;

    private MasterDataRules() {}

    /**
     * What is wrong with the data's formats: the field's name, then the problem's key (a message {@code
     * kontor.debtor.<key>} for the API, {@code edit.invalid.<key>} in the portal). Empty when all is well.
     */
    public static Map<String, String> problems(MasterData data) {
        Map<String, String> problems = new LinkedHashMap<>();
        String country = data.country();
        if (country != null && !COUNTRIES.contains(country)) {
            problems.put("country", "country");
            country = null;
        }
        if (data.postcode() != null) {
            String problem = AddressRules.postcodeProblem(country, data.postcode());
            if (problem != null) {
                problems.put("postcode", problem);
            }
        }
        if (data.vatId() != null && !isVatId(data.vatId())) {
            problems.put("vatId", "vatId");
        }
        if (data.phone() != null && !isPhoneNumber(data.phone(), country)) {
            problems.put("phone", "phone");
        }
        return problems;
    }

    static boolean isVatId(String vatId) {
        return AddressRules.isVatId(vatId);
    }

    static boolean isPhoneNumber(String phone, String country) {
        return AddressRules.isPhoneNumber(phone, country);
    }
}
