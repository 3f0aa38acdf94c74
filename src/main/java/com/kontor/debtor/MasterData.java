package com.kontor.debtor;

import com.kontor.text.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A debtor's master data (DEB-1), named as API.md names them. Strings are trimmed, blank ones are absent, and
 * the email is lower-cased; limits as API.md documents them (names and address lines 100, email 254); country,
 * postcode, VAT id and phone by {@link MasterDataRules}.
 */
@FormattedMasterData
public record MasterData(
        @Size(max = 20) @PlainText String salutation,
        @Size(max = 50) @PlainText String title,
        @Size(max = 100) @PlainText String firstName,
        @Size(max = 100) @PlainText String lastName,
        @Size(max = 100) @PlainText String company,
        @Size(max = 100) @PlainText String street,
        @Size(max = 100) @PlainText String addressLine2,
        @Size(max = 20) @PlainText String postcode,
        @Size(max = 100) @PlainText String city,

        String country,

        @Email @Size(max = 254) @PlainText String email,

        @Size(max = 30) String phone,

        @Past LocalDate birthday,

        @Pattern(regexp = "[a-z]{2}", message = "{kontor.debtor.language}")
        String language,

        @Size(max = 30) @PlainText String vatId) {

    public MasterData {
        salutation = clean(salutation);
        title = clean(title);
        firstName = clean(firstName);
        lastName = clean(lastName);
        company = clean(company);
        street = clean(street);
        addressLine2 = clean(addressLine2);
        postcode = clean(postcode);
        city = clean(city);
        country = clean(country) == null ? null : clean(country).toUpperCase(Locale.ROOT);
        email = clean(email) == null ? null : clean(email).toLowerCase(Locale.ROOT);
        phone = clean(phone);
        language = clean(language) == null ? null : clean(language).toLowerCase(Locale.ROOT);
        vatId = clean(vatId);
    }

    /** A person's name or a company, at least one of both (API.md). */
    @AssertTrue(message = "{kontor.debtor.nameRequired}")
    public boolean isLastNameOrCompany() {
        return lastName != null || company != null;
    }

    /** A birthday before 1900 is a typing error (and beyond what the database's dates hold sensibly). */
    @AssertTrue(message = "{kontor.debtor.birthday}")
    public boolean isBirthdayPlausible() {
        return birthday == null || birthday.getYear() >= 1900;
    }

    /** How the portal names the debtor: salutation, title and name of a person, or the company. */
    public String displayName() {
        if (lastName == null) {
            return company;
        }
        return Stream.of(salutation, title, firstName, lastName)
                .filter(part -> part != null)
                .collect(Collectors.joining(" "));
    }

    /** The values by field name, in a fixed order, for history and audit. */
    public Map<String, String> asFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("salutation", salutation);
        fields.put("title", title);
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("company", company);
        fields.put("street", street);
        fields.put("addressLine2", addressLine2);
        fields.put("postcode", postcode);
        fields.put("city", city);
        fields.put("country", country);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("birthday", birthday == null ? null : birthday.toString());
        fields.put("language", language);
        fields.put("vatId", vatId);
        return fields;
    }

    public static MasterData ofName(String firstName, String lastName) {
        return new MasterData(
                null, null, firstName, lastName, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
