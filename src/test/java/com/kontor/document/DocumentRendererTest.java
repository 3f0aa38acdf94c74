package com.kontor.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class DocumentRendererTest {

    private static final DocumentTemplates TEMPLATES = new DocumentTemplates();
    private final DocumentRenderer renderer = new DocumentRenderer(TEMPLATES);

    @Test
    void germanInvoiceShowsNumberDateItemsVatPerRateTotalAndLetterhead() throws IOException {
        Pdf pdf = read(renderer.render(DocumentFixtures.invoice(3, Locale.GERMAN, false, null)));

        assertThat(pdf.pages).isEqualTo(1);
        assertThat(pdf.text)
                .contains("Rechnung RE-2026-00012")
                .contains("Rechnungsnummer")
                .contains("07.12.2026")
                .contains("K-10042")
                .contains("4711")
                .contains("B-2026-3381")
                .contains("Wanderschuh „Größe 44“ Nr. 1")
                .contains("Fachbuch Bergführer Nr. 2")
                .contains("Porto (umsatzsteuerfrei) Nr. 3")
                .contains("99,98 €") // 2 × 49,99
                .contains("12,50 €")
                .contains("15,00 €"); // 3 × 5,00
        // VAT per rate: 19 %: 99,98 gross → 84,02 net, 15,96 VAT; 7 %: 12,50 → 11,68 net, 0,82 VAT; 0 %: 15,00
        assertThat(pdf.lineWith("19 %", "84,02 €")).contains("15,96 €").contains("99,98 €");
        assertThat(pdf.lineWith("7 %", "11,68 €")).contains("0,82 €").contains("12,50 €");
        assertThat(pdf.lineWith("0 %", "15,00 €", "0,00 €")).startsWith("0 %");
        assertThat(pdf.lineWith("Gesamtbetrag"))
                .contains("110,70 €")
                .contains("16,78 €")
                .contains("127,48 €");
        assertThat(pdf.text)
                .contains("Bitte überweisen Sie den Betrag von 127,48 € bis zum 21.12.2026")
                .contains("DE89 3704 0044 0532 0130 00")
                .contains("Müller Handels GmbH")
                .contains("USt-IdNr. DE123456789")
                .contains("Amtsgericht München HRB 123456")
                .contains("Maria Müller, Jörg Weiß")
                .contains("Seite 1 von 1")
                .doesNotContain("TEST");
    }

    @Test
    void recipientWithPolishAndGermanLettersArrivesIntact() throws IOException {
        Pdf pdf = read(renderer.render(DocumentFixtures.invoice(1, Locale.GERMAN, false, DocumentFixtures.logoPng())));

        assertThat(pdf.text)
                .contains(DocumentFixtures.RECIPIENT_NAME)
                .contains("ul. Świętokrzyska 12")
                .contains("00-916 Warszawa");
    }

    @Test
    void testModeMarksEveryPageAndLiveModeNone() throws IOException {
        Pdf test = read(renderer.render(DocumentFixtures.invoice(40, Locale.GERMAN, true, null)));
        Pdf live = read(renderer.render(DocumentFixtures.invoice(40, Locale.GERMAN, false, null)));

        assertThat(test.pages).isEqualTo(2);
        for (int page = 1; page <= test.pages; page++) {
            assertThat(test.page(page)).contains("TESTDOKUMENT – nicht gültig");
        }
        assertThat(live.text).doesNotContain("TEST");
    }

    @Test
    void fortyLinesFlowOntoASecondPageWithTheTableHeaderRepeated() throws IOException {
        Pdf pdf = read(renderer.render(DocumentFixtures.invoice(40, Locale.GERMAN, false, DocumentFixtures.logoPng())));

        assertThat(pdf.pages).isEqualTo(2);
        assertThat(pdf.page(1))
                .contains("Einzelpreis brutto")
                .contains("Seite 1 von 2")
                .contains("Wanderschuh „Größe 44“ Nr. 1 ");
        assertThat(pdf.page(2))
                .contains("Einzelpreis brutto")
                .contains("Seite 2 von 2")
                .contains("Rechnung RE-2026-00012")
                .contains("Nr. 40")
                .contains("Gesamtbetrag");
    }

    @Test
    void englishInvoiceHasEnglishLabelsDatesAndMoney() throws IOException {
        Pdf pdf = read(renderer.render(DocumentFixtures.invoice(3, Locale.ENGLISH, true, null)));

        assertThat(pdf.text)
                .contains("Invoice RE-2026-00012")
                .contains("Invoice number")
                .contains("7 December 2026")
                .contains("Unit price gross")
                .contains("€127.48")
                .contains("Please transfer the amount of €127.48 by 21 December 2026")
                .contains("VAT ID DE123456789")
                .contains("Page 1 of 1")
                .contains("TEST DOCUMENT – not valid")
                .doesNotContain("Rechnung")
                .doesNotContain("Seite");
    }

    @Test
    void creditNoteShowsItsTitleAndWhatItRelatesTo() throws IOException {
        Pdf pdf = read(renderer.render(DocumentFixtures.creditNote(2, Locale.GERMAN, false, null)));

        assertThat(pdf.text)
                .contains("Gutschrift GS-2026-00003")
                .contains("Gutschriftsnummer")
                .contains("09.12.2026")
                .contains("Der Betrag von 112,48 € wird Ihnen gutgeschrieben.")
                .contains("Diese Gutschrift bezieht sich auf: RE-2026-00012.")
                .doesNotContain("Bitte überweisen");
        assertThat(pdf.lineWith("Gesamtbetrag")).contains("112,48 €");
    }

    @Test
    void vatPerRateRoundsHalfUpOnTheRatesSumNotPerLine() {
        // seven lines of 0,01 at 19 %: rounded per line each net would be 0,01 (0,07 in all, VAT 0); per rate the
        // 1,26 gross of 19 % have 1,06 net and 0,20 VAT
        VatSummary summary = VatSummary.of(List.of(
                new DocumentLine("a", 1, new BigDecimal("5.5"), 100),
                new DocumentLine("b", 7, BigDecimal.valueOf(19), 1),
                new DocumentLine("c", 1, BigDecimal.valueOf(19), 119)));

        assertThat(summary.rates()).hasSize(2);
        VatSummary.Rate reduced = summary.rates().get(1);
        assertThat(reduced.percent()).isEqualByComparingTo("5.5");
        assertThat(reduced.netMinor()).isEqualTo(95); // 100 × 100 / 105.5 = 94.79 → 95
        assertThat(reduced.vatMinor()).isEqualTo(5);
        VatSummary.Rate standard = summary.rates().get(0);
        assertThat(standard.grossMinor()).isEqualTo(126);
        assertThat(standard.netMinor()).isEqualTo(106); // 126 × 100 / 119 = 105.88 → 106
        assertThat(standard.vatMinor()).isEqualTo(20);
        assertThat(summary.grossMinor()).isEqualTo(226);
    }

    @Test
    void dunningLettersAreNotRenderedHere() {
        DocumentContent invoice = DocumentFixtures.invoice(1, Locale.GERMAN, false, null);
        DocumentContent dunning = new DocumentContent(
                DocumentType.DUNNING_LETTER,
                invoice.number(),
                invoice.date(),
                invoice.language(),
                false,
                invoice.letterhead(),
                invoice.recipient(),
                invoice.txid(),
                null,
                invoice.currency(),
                invoice.lines(),
                null,
                null);

        assertThatThrownBy(() -> renderer.render(dunning)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Pdf read(byte[] bytes) throws IOException {
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            String[] pages = new String[document.getNumberOfPages()];
            for (int i = 0; i < pages.length; i++) {
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                pages[i] = stripper.getText(document);
            }
            return new Pdf(text, pages);
        }
    }

    private static final class Pdf {
        final String text;
        final String[] pageTexts;
        final int pages;

        Pdf(String text, String[] pageTexts) {
            // amounts are printed with a no-break space before the currency sign; a reader sees a space
            this.text = spaced(text);
            this.pageTexts = java.util.Arrays.stream(pageTexts).map(Pdf::spaced).toArray(String[]::new);
            this.pages = pageTexts.length;
        }

        private static String spaced(String text) {
            return text.replace('\u00a0', ' ').replace('\u202f', ' ');
        }

        String page(int number) {
            return pageTexts[number - 1];
        }

        /** The one printed line that contains all the parts (PDFBox sorts by position, so a table row is one line). */
        String lineWith(String... parts) {
            return text.lines()
                    .filter(line -> java.util.Arrays.stream(parts).allMatch(line::contains))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No line with " + List.of(parts) + " in:\n" + text));
        }
    }
}
