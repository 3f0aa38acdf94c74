package com.kontor.dunning;

import java.util.Map;

/** The German and English texts of the default procedure's three levels (DUN-1). */
final class DefaultTexts {

    private DefaultTexts() {}

    static Map<String, LevelTexts> level(int level) {
        return switch (level) {
            case 1 -> Map.of("de", reminderDe(), "en", reminderEn());
            case 2 -> Map.of("de", dunningDe("1. Mahnung", false), "en", dunningEn("First reminder", false));
            case 3 -> Map.of("de", dunningDe("2. Mahnung", true), "en", dunningEn("Second reminder", true));
            default -> throw new IllegalArgumentException("No default texts for level " + level);
        };
    }

    private static LevelTexts reminderDe() {
        // the letter's text only: the table of amounts, the date to pay by and the closing are the letter's own
        return new LevelTexts("""
                Guten Tag {name},

                sicher ist es Ihrer Aufmerksamkeit entgangen: Der Betrag zu Ihrer Bestellung {reference} \
                (Rechnung {invoiceNumber} vom {transactionDate}) war am {dueDate} fällig und ist noch offen.

                Haben Sie bereits gezahlt, betrachten Sie dieses Schreiben bitte als gegenstandslos.""", "Zahlungserinnerung zu Rechnung {invoiceNumber}", """
                Guten Tag {name},

                der Betrag von {openAmount} zu Ihrer Bestellung {reference} (Rechnung {invoiceNumber}) war am \
                {dueDate} fällig und ist noch offen. Bitte überweisen Sie ihn bis zum {payBy}.

                Haben Sie bereits gezahlt, betrachten Sie diese Nachricht bitte als gegenstandslos.

                Mit freundlichen Grüßen
                {merchant}""");
    }

    private static LevelTexts reminderEn() {
        return new LevelTexts("""
                Dear {name},

                perhaps it has escaped your notice: the amount for your order {reference} (invoice \
                {invoiceNumber} of {transactionDate}) was due on {dueDate} and is still open.

                If you have already paid, please disregard this letter.""", "Payment reminder for invoice {invoiceNumber}", """
                Dear {name},

                the amount of {openAmount} for your order {reference} (invoice {invoiceNumber}) was due on \
                {dueDate} and is still open. Please transfer it by {payBy}.

                If you have already paid, please disregard this message.

                Kind regards
                {merchant}""");
    }

    private static LevelTexts dunningDe(String title, boolean last) {
        String warning = last
                ? "Geht der Betrag bis zum {payBy} nicht ein, übergeben wir die Forderung ohne weitere Ankündigung an ein "
                        + "Inkassounternehmen; die weiteren Kosten gehen zu Ihren Lasten."
                : "Bitte vermeiden Sie weitere Kosten durch eine fristgerechte Zahlung.";
        return new LevelTexts(
                "Guten Tag {name},\n\n"
                        + "trotz unserer Zahlungserinnerung ist der Betrag zu Ihrer Bestellung {reference} (Rechnung "
                        + "{invoiceNumber} vom {transactionDate}, fällig am {dueDate}) noch offen. Was zu zahlen ist, "
                        + "zeigt die Aufstellung unten.\n\n"
                        + warning,
                title + " zu Rechnung {invoiceNumber}",
                "Guten Tag {name},\n\n"
                        + "der Betrag zu Ihrer Bestellung {reference} (Rechnung {invoiceNumber}) ist trotz unserer "
                        + "Zahlungserinnerung noch offen. Bitte überweisen Sie {total} (offener Betrag {openAmount}, "
                        + "Mahngebühr {fee}, Verzugszinsen {interest}) bis zum {payBy}.\n\n"
                        + "Die " + title + " finden Sie als PDF im Anhang.\n\n"
                        + "Mit freundlichen Grüßen\n"
                        + "{merchant}");
    }

    private static LevelTexts dunningEn(String title, boolean last) {
        String warning = last
                ? "If we do not receive the amount by {payBy}, we will pass the claim to a debt collection agency "
                        + "without further notice; the further costs will be charged to you."
                : "Please avoid further costs by paying on time.";
        return new LevelTexts(
                "Dear {name},\n\n"
                        + "despite our payment reminder, the amount for your order {reference} (invoice "
                        + "{invoiceNumber} of {transactionDate}, due on {dueDate}) is still open. The statement "
                        + "below shows what is to be paid.\n\n"
                        + warning,
                title + " for invoice {invoiceNumber}",
                "Dear {name},\n\n"
                        + "despite our payment reminder, the amount for your order {reference} (invoice "
                        + "{invoiceNumber}) is still open. Please transfer {total} (open amount {openAmount}, "
                        + "dunning fee {fee}, default interest {interest}) by {payBy}.\n\n"
                        + "You will find the " + title.toLowerCase(java.util.Locale.ROOT) + " attached as a PDF.\n\n"
                        + "Kind regards\n"
                        + "{merchant}");
    }
}
