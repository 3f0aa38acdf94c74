package com.kontor.psp.ui;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons a notification waits for review, in the reader's language. The notification job stores each reason as
 * one English sentence of a few known forms; each form has a message key here, its variable parts (a currency, a
 * sequence number, the ledger's own words) become the message's arguments. A reason of no known form is shown as
 * stored.
 */
final class ReviewReasons {

    /** One known form: the pattern of the stored sentence and the key of its translation. */
    record Form(Pattern pattern, String key) {
        Form(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }

    static final List<Form> FORMS = List.of(
            new Form("No process with this provider reference\\.", "review.reason.noProcess"),
            new Form("No such process\\.", "review.reason.noProcess"),
            new Form("Several processes share it\\.", "review.reason.severalProcesses"),
            new Form("Currency (\\S+) differs from the process's (\\S+)\\.", "review.reason.currency"),
            new Form("The ledger refused it: (.*)", "review.reason.ledgerRefused"),
            new Form("Could not be booked: (.*)", "review.reason.notBooked"),
            new Form("Waited longer than (\\S+): (.*)", "review.reason.waitedTooLong"),
            new Form("Waits for the (\\S+)\\.", "review.reason.waitsForEvent"),
            new Form("Waits for sequence number (\\d+)\\.", "review.reason.waitsForSequence"),
            new Form("The capture was declined\\.", "review.reason.captureDeclined"),
            new Form("Sent for (\\w+) mode, but the key belongs to (\\w+) mode\\.", "review.reason.otherMode"));

    private ReviewReasons() {}

    /** {@code translate} is the view's {@code getTranslation(key, arguments)}. */
    static String text(String reason, BiFunction<String, Object[], String> translate) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(reason.strip());
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                switch (form.key()) {
                    case "review.reason.waitedTooLong" -> {
                        args[0] = minutes((String) args[0]);
                        args[1] = text((String) args[1], translate); // the reason it waited for
                    }
                    case "review.reason.otherMode" -> {
                        args[0] = translate.apply("mode." + ((String) args[0]).toLowerCase(Locale.ROOT), new Object[0]);
                        args[1] = translate.apply("mode." + ((String) args[1]).toLowerCase(Locale.ROOT), new Object[0]);
                    }
                    default -> {}
                }
                return translate.apply(form.key(), args);
            }
        }
        return reason;
    }

    private static Object minutes(String isoDuration) {
        try {
            return Duration.parse(isoDuration).toMinutes();
        } catch (DateTimeParseException notIso) {
            return isoDuration;
        }
    }
}
