package com.kontor.psp;

import java.time.Instant;
import java.util.List;

/** What importing a settlement report did (PSP-4). */
public sealed interface ImportOutcome {

    /**
     * The report was read and matched: how many lines it had and what they became; {@code alreadySettled} lines were
     * settled by an earlier report and counted there; {@code missing} are the open items found missing afterwards.
     */
    record Imported(
            long reportId,
            SettlementProvider provider,
            int lines,
            int matched,
            int amountDiffers,
            int unknown,
            int fees,
            int payouts,
            int alreadySettled,
            int missing)
            implements ImportOutcome {}

    /** The same bytes were imported into this merchant and mode before: nothing changed. */
    record AlreadyImported(Instant importedAt, String importedBy) implements ImportOutcome {}

    /**
     * The file is malformed: nothing of it was kept. {@code line} is the file's line number (0 for the file as a
     * whole); the reason is a translation key ({@code reconciliation.refused.*}) with its arguments.
     */
    record Refused(int line, String reasonKey, List<String> arguments) implements ImportOutcome {

        public Refused {
            arguments = List.copyOf(arguments);
        }

        /** The reason in English, for a log or the watched folder's {@code .reason.txt}. */
        public String english() {
            java.util.ResourceBundle bundle =
                    java.util.ResourceBundle.getBundle("vaadin-i18n.translations", java.util.Locale.ROOT);
            String reason = bundle.containsKey(reasonKey)
                    ? new java.text.MessageFormat(bundle.getString(reasonKey), java.util.Locale.ENGLISH)
                            .format(arguments.toArray())
                    : reasonKey + " " + arguments;
            return line > 0 ? "Line " + line + ": " + reason : reason;
        }
    }
}
