package com.kontor.document;

import java.util.Locale;
import java.util.Map;

/** The printed words of invoices and credit notes in German and English. */
final class DocumentLabels {

    private static final Map<String, String> GERMAN = Map.ofEntries(
            Map.entry("invoice", "Rechnung"),
            Map.entry("creditNote", "Gutschrift"),
            Map.entry("invoiceNumber", "Rechnungsnummer"),
            Map.entry("creditNoteNumber", "Gutschriftsnummer"),
            Map.entry("date", "Datum"),
            Map.entry("customerNumber", "Kundennummer"),
            Map.entry("txid", "Vorgang (TXID)"),
            Map.entry("orderReference", "Ihre Bestellung"),
            Map.entry("pos", "Pos."),
            Map.entry("description", "Beschreibung"),
            Map.entry("quantity", "Menge"),
            Map.entry("vat", "USt."),
            Map.entry("unitGross", "Einzelpreis brutto"),
            Map.entry("lineGross", "Gesamt brutto"),
            Map.entry("vatRate", "USt.-Satz"),
            Map.entry("net", "Netto"),
            Map.entry("vatAmount", "USt."),
            Map.entry("gross", "Brutto"),
            Map.entry("total", "Gesamtbetrag"),
            Map.entry("invoiceIntro", "Sehr geehrte Damen und Herren,\nwir berechnen Ihnen wie folgt:"),
            Map.entry("creditNoteIntro", "Sehr geehrte Damen und Herren,\nwir schreiben Ihnen wie folgt gut:"),
            Map.entry(
                    "payToAccount",
                    "Bitte überweisen Sie den Betrag von %s bis zum %s auf unser Konto IBAN %s%s "
                            + "unter Angabe der Rechnungsnummer %s."),
            Map.entry("payBy", "Bitte zahlen Sie den Betrag von %s bis zum %s unter Angabe der Rechnungsnummer %s."),
            Map.entry("bic", " (BIC %s, %s)"),
            Map.entry("relatesTo", "Diese Gutschrift bezieht sich auf: %s."),
            Map.entry("creditNoteAmount", "Der Betrag von %s wird Ihnen gutgeschrieben."),
            Map.entry("closing", "Mit freundlichen Grüßen"),
            Map.entry("page", "Seite %d von %d"),
            Map.entry("phone", "Tel."),
            Map.entry("email", "E-Mail"),
            Map.entry("bank", "Bankverbindung"),
            Map.entry("vatId", "USt-IdNr."),
            Map.entry("managingDirectors", "Geschäftsführung"),
            Map.entry("testMark", "TEST"),
            Map.entry("testNotice", "TESTDOKUMENT – nicht gültig"));

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("invoice", "Invoice"),
            Map.entry("creditNote", "Credit note"),
            Map.entry("invoiceNumber", "Invoice number"),
            Map.entry("creditNoteNumber", "Credit note number"),
            Map.entry("date", "Date"),
            Map.entry("customerNumber", "Customer number"),
            Map.entry("txid", "Transaction (TXID)"),
            Map.entry("orderReference", "Your order"),
            Map.entry("pos", "Item"),
            Map.entry("description", "Description"),
            Map.entry("quantity", "Qty"),
            Map.entry("vat", "VAT"),
            Map.entry("unitGross", "Unit price gross"),
            Map.entry("lineGross", "Total gross"),
            Map.entry("vatRate", "VAT rate"),
            Map.entry("net", "Net"),
            Map.entry("vatAmount", "VAT"),
            Map.entry("gross", "Gross"),
            Map.entry("total", "Total"),
            Map.entry("invoiceIntro", "Dear Sir or Madam,\nwe invoice you as follows:"),
            Map.entry("creditNoteIntro", "Dear Sir or Madam,\nwe credit you as follows:"),
            Map.entry(
                    "payToAccount",
                    "Please transfer the amount of %s by %s to our account IBAN %s%s, " + "quoting invoice number %s."),
            Map.entry("payBy", "Please pay the amount of %s by %s, quoting invoice number %s."),
            Map.entry("bic", " (BIC %s, %s)"),
            Map.entry("relatesTo", "This credit note relates to: %s."),
            Map.entry("creditNoteAmount", "The amount of %s is credited to you."),
            Map.entry("closing", "Kind regards"),
            Map.entry("page", "Page %d of %d"),
            Map.entry("phone", "Phone"),
            Map.entry("email", "Email"),
            Map.entry("bank", "Bank details"),
            Map.entry("vatId", "VAT ID"),
            Map.entry("managingDirectors", "Managing directors"),
            Map.entry("testMark", "TEST"),
            Map.entry("testNotice", "TEST DOCUMENT – not valid"));

    private final Map<String, String> labels;

    private DocumentLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    /** German unless the language is English. */
    static DocumentLabels of(Locale language) {
        return new DocumentLabels("en".equals(language.getLanguage()) ? ENGLISH : GERMAN);
    }

    String get(String key) {
        String label = labels.get(key);
        if (label == null) {
            throw new IllegalArgumentException("No document label '" + key + "'");
        }
        return label;
    }

    String format(String key, Object... args) {
        return get(key).formatted(args);
    }
}
