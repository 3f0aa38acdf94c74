package com.kontor.document;

import java.util.Locale;
import java.util.Map;

/** The printed words of invoices, credit notes, dunning letters and SEPA mandates in German and English. */
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
            Map.entry("testNotice", "TESTDOKUMENT – nicht gültig"),
            Map.entry("dunningNumber", "Mahnschreiben-Nr."),
            Map.entry("level", "Mahnstufe"),
            Map.entry("item", "Posten"),
            Map.entry("amount", "Betrag"),
            Map.entry("amountDue", "Offener Betrag"),
            Map.entry(
                    "dunningPayToAccount",
                    "Bitte überweisen Sie den offenen Betrag von %s bis spätestens %s auf unser Konto IBAN %s%s "
                            + "unter Angabe der Vorgangsnummer %s."),
            Map.entry(
                    "dunningPayBy",
                    "Bitte zahlen Sie den offenen Betrag von %s bis spätestens %s unter Angabe der Vorgangsnummer %s."),
            Map.entry("mandateTitle", "SEPA-Lastschriftmandat"),
            Map.entry("mandateOtherTitle", "SEPA Direct Debit Mandate"),
            Map.entry("creditor", "Zahlungsempfänger"),
            Map.entry("name", "Name"),
            Map.entry("address", "Anschrift"),
            Map.entry("creditorId", "Gläubiger-Identifikationsnummer"),
            Map.entry("mandateReference", "Mandatsreferenz"),
            Map.entry("paymentType", "Zahlungsart"),
            Map.entry("recurrent", "Wiederkehrende Zahlung"),
            Map.entry("debtor", "Zahlungspflichtiger (Kontoinhaber)"),
            Map.entry("accountHolder", "Kontoinhaber"),
            Map.entry("iban", "IBAN"),
            Map.entry("bicLabel", "BIC"),
            Map.entry("signedOn", "Datum der Unterschrift"),
            Map.entry("notKnown", "–"),
            Map.entry(
                    "mandateText",
                    "Ich ermächtige %1$s, Zahlungen von meinem Konto mittels Lastschrift einzuziehen. Zugleich weise "
                            + "ich mein Kreditinstitut an, die von %1$s auf mein Konto gezogenen Lastschriften "
                            + "einzulösen.\n\nHinweis: Ich kann innerhalb von acht Wochen, beginnend mit dem "
                            + "Belastungsdatum, die Erstattung des belasteten Betrages verlangen. Es gelten dabei die "
                            + "mit meinem Kreditinstitut vereinbarten Bedingungen."),
            Map.entry(
                    "mandateIbanNote",
                    "Die IBAN ist zum Schutz Ihrer Daten gekürzt dargestellt (erste und letzte vier Zeichen)."),
            Map.entry("mandateCopy", "Abschrift des am %s erteilten Mandats, erstellt am %s."));

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
            Map.entry("testNotice", "TEST DOCUMENT – not valid"),
            Map.entry("dunningNumber", "Letter number"),
            Map.entry("level", "Dunning level"),
            Map.entry("item", "Item"),
            Map.entry("amount", "Amount"),
            Map.entry("amountDue", "Amount due"),
            Map.entry(
                    "dunningPayToAccount",
                    "Please transfer the amount due of %s by %s at the latest to our account IBAN %s%s, "
                            + "quoting transaction %s."),
            Map.entry("dunningPayBy", "Please pay the amount due of %s by %s at the latest, quoting transaction %s."),
            Map.entry("mandateTitle", "SEPA Direct Debit Mandate"),
            Map.entry("mandateOtherTitle", "SEPA-Lastschriftmandat"),
            Map.entry("creditor", "Creditor"),
            Map.entry("name", "Name"),
            Map.entry("address", "Address"),
            Map.entry("creditorId", "Creditor identifier"),
            Map.entry("mandateReference", "Mandate reference"),
            Map.entry("paymentType", "Type of payment"),
            Map.entry("recurrent", "Recurrent payment"),
            Map.entry("debtor", "Debtor (account holder)"),
            Map.entry("accountHolder", "Account holder"),
            Map.entry("iban", "IBAN"),
            Map.entry("bicLabel", "BIC"),
            Map.entry("signedOn", "Date of signature"),
            Map.entry("notKnown", "–"),
            Map.entry(
                    "mandateText",
                    "By signing this mandate form, you authorise (A) %1$s to send instructions to your bank to debit "
                            + "your account and (B) your bank to debit your account in accordance with the "
                            + "instructions from %1$s.\n\nAs part of your rights, you are entitled to a refund from "
                            + "your bank under the terms and conditions of your agreement with your bank. A refund "
                            + "must be claimed within 8 weeks starting from the date on which your account was "
                            + "debited."),
            Map.entry(
                    "mandateIbanNote", "The IBAN is shortened to protect your data (first and last four characters)."),
            Map.entry("mandateCopy", "Copy of the mandate given on %s, made on %s."));

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
