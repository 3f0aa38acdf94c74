package com.kontor.debtor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words by which the search finds a debtor (SRCH-1): every word of first name, last name, company, city and
 * email, lower-cased and without accents ("Müller-Lüdenscheid" gives "muller" and "ludenscheid"), so that a typed
 * prefix ("mull", "lüd") finds it by an index range scan.
 */
public final class SearchWords {

    /** Field codes as stored in {@code debtor_word.field}. */
    public static final char FIRST_NAME = 'F';

    public static final char LAST_NAME = 'L';
    public static final char COMPANY = 'C';
    public static final char CITY = 'Y';
    public static final char EMAIL = 'E';

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {}

    /** Lower case, accents removed, ß as ss: the form both stored words and typed prefixes take. */
    public static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The distinct normalised words of a text, each at most 60 characters. */
    public static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(normalise(text))) {
            if (!word.isEmpty()) {
                words.add(word.length() > 60 ? word.substring(0, 60) : word);
            }
        }
        return new ArrayList<>(words);
    }

    /** Field code → words for a debtor's master data. */
    public static Map<Character, List<String>> of(MasterData data) {
        return Map.of(
                FIRST_NAME,
                words(data.firstName()),
                LAST_NAME,
                words(data.lastName()),
                COMPANY,
                words(data.company()),
                CITY,
                words(data.city()),
                EMAIL,
                words(data.email()));
    }
}
