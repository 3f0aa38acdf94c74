package com.kontor.dunning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of dunning letters and emails (DUN-1, DUN-7) and their filling per process. A saved text holds
 * only the known placeholders (validation refuses others), so a typo cannot reach a debtor as "{nmae}".
 */
public final class DunningTexts {

    /** Every placeholder a letter or email text may hold. */
    public static final List<String> PLACEHOLDERS = List.of(
            "{name}",
            "{txid}",
            "{reference}",
            "{invoiceNumber}",
            "{transactionDate}",
            "{dueDate}",
            "{openAmount}",
            "{fee}",
            "{interest}",
            "{total}",
            "{payBy}",
            "{merchant}",
            "{level}");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\r\\n]{0,40})}");

    private DunningTexts() {}

    /**
     * The template with each placeholder replaced by its value; {@code values} is keyed by the name without braces
     * ("name") or with them ("{name}"). A known placeholder without a value becomes empty; text that is no
     * placeholder stays as written.
     */
    public static String fill(String template, Map<String, String> values) {
        if (template == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String name = m.group(1);
            String placeholder = "{" + name + "}";
            String value;
            if (values.containsKey(name)) {
                value = values.get(name);
            } else if (values.containsKey(placeholder)) {
                value = values.get(placeholder);
            } else {
                value = PLACEHOLDERS.contains(placeholder) ? "" : placeholder;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholders in {@code template} that are not in {@link #PLACEHOLDERS}, in order of appearance. */
    public static List<String> unknownPlaceholders(String template) {
        List<String> unknown = new ArrayList<>();
        if (template == null) {
            return unknown;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group()) && !unknown.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }
}
