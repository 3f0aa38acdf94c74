package com.kontor.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** DOC-1's dunning letter and SEPA mandate read back with PDFBox, without Spring or a database. */
class DunningLetterRendererTest {

    private static final DocumentTemplates TEMPLATES = new DocumentTemplates();
    private final DunningLetterRenderer letters = new DunningLetterRenderer(TEMPLATES);
    private final MandateRenderer mandates = new MandateRenderer(TEMPLATES);

    @Test
    void germanLetterShowsSubjectTextEachAmountTheTotalAndThePayByDate() throws IOException {
        String text = read(letters.render(DocumentFixtures.dunningLetter(Locale.GERMAN, false, null)));

        assertThat(text)
                .contains("2. Mahnung zu Ihrer Bestellung B-2026-3381")
                .contains("Sehr geehrte Damen und Herren,")
                .contains("leider konnten wir bis heute keinen Zahlungseingang feststellen.")
                .contains("Mahnschreiben-Nr. MA-000007")
                .contains("Mahnstufe 2")
                .contains("K-10042")
                .contains("4711")
                .contains(DocumentFixtures.RECIPIENT_NAME);
        assertThat(lineWith(text, "Rechnung RE-2026-00012 vom 01.10.2026")).endsWith("120,00 €");
        assertThat(lineWith(text, "Zahlung vom 20.10.2026")).endsWith("-50,00 €");
        assertThat(lineWith(text, "Mahngebühr 2. Mahnung")).endsWith("5,00 €");
        assertThat(lineWith(text, "Verzugszinsen")).endsWith("1,23 €");
        assertThat(lineWith(text, "Offener Betrag")).endsWith("76,23 €");
        assertThat(text)
                .contains("Bitte überweisen Sie den offenen Betrag von 76,23 € bis spätestens 21.12.2026")
                .contains("DE89 3704 0044 0532 0130 00")
                .contains("Seite 1 von 1")
                .doesNotContain("TEST");
    }

    @Test
    void englishLetterInTestModeIsMarkedTest() throws IOException {
        String text =
                read(letters.render(DocumentFixtures.dunningLetter(Locale.ENGLISH, true, DocumentFixtures.logoPng())));

        assertThat(text)
                .contains("TEST DOCUMENT – not valid")
                .contains("Letter number MA-000007")
                .contains("Dunning level 2")
                .contains("Please transfer the amount due of €76.23 by 21 December 2026 at the latest");
        assertThat(lineWith(text, "Amount due")).endsWith("€76.23");
    }

    @Test
    void mandateShowsTheMaskedIbanNeverTheFullOneWithReferenceAndCreditorId() throws IOException {
        String german = read(mandates.render(DocumentFixtures.mandate(Locale.GERMAN, false, "DE02…2051")));
        String english = read(mandates.render(DocumentFixtures.mandate(Locale.ENGLISH, true, "DE02…2051")));

        assertThat(german)
                .contains("SEPA-Lastschriftmandat")
                .contains("Gläubiger-Identifikationsnummer DE98ZZZ09999999999")
                .contains("Mandatsreferenz KM10042-7")
                .contains("IBAN DE02…2051")
                .contains("BIC BYLADEM1001")
                .contains("Datum der Unterschrift 15.03.2026")
                .contains("Ich ermächtige Müller Handels GmbH, Zahlungen von meinem Konto mittels Lastschrift")
                .contains(DocumentFixtures.RECIPIENT_NAME)
                .doesNotContain("120300000000202051")
                .doesNotContain("1203 0000 0000 2020")
                .doesNotContain("TEST");
        assertThat(english)
                .contains("SEPA Direct Debit Mandate")
                .contains("Creditor identifier DE98ZZZ09999999999")
                .contains("Date of signature 15 March 2026")
                .contains("TEST DOCUMENT – not valid");
        assertThatThrownBy(
                        () -> mandates.render(DocumentFixtures.mandate(Locale.GERMAN, false, "DE02120300000000202051")))
                .as("a full IBAN is refused before anything is printed")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLetterHasALevelFromOneToFour() {
        assertThatThrownBy(() -> new DunningLetter(5, "Inkasso", "", List.of(), 0, LocalDate.of(2026, 12, 21)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static String read(byte[] bytes) throws IOException {
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            // amounts are printed with a no-break space before the currency sign; a reader sees a space
            return stripper.getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
        }
    }

    /** The one printed line that holds {@code part} (PDFBox sorts by position, so a table row is one line). */
    static String lineWith(String text, String part) {
        return text.lines()
                .filter(line -> line.contains(part))
                .map(String::strip)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No line with " + part + " in:\n" + text));
    }
}
