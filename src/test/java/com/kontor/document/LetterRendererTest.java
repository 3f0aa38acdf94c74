package com.kontor.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.tenancy.Letterhead;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class LetterRendererTest {

    private static final Letterhead MUELLER = TestLetterheads.mueller(null);
    private static final String BODY = "Wir bestätigen Ihre Zahlung über 19,99 € – Łódź, Žďár";
    private static final LocalDate DATE = LocalDate.of(2026, 11, 28);

    private final DocumentTemplates templates = new DocumentTemplates();
    private final LetterRenderer renderer = new LetterRenderer(templates);

    @Test
    void letterCarriesMerchantLetterheadAndBody() throws IOException {
        String text = textOf(renderer.renderLetter(MUELLER, BODY, DATE, Locale.GERMANY, false));

        assertThat(text)
                .contains("Müller Handels GmbH")
                .contains("Hauptstraße 1, 80331 München, DE")
                .contains("DE123456789")
                .contains(BODY)
                .contains("28. November 2026")
                .doesNotContain("TEST");
    }

    @Test
    void letterInTestModeIsMarkedTest() throws IOException {
        String text = textOf(renderer.renderLetter(MUELLER, BODY, DATE, Locale.GERMANY, true));

        assertThat(text).contains("TEST").contains(BODY);
    }

    @Test
    void templateIsCompiledOnlyOnce() {
        assertThat(templates.get("letterhead")).isSameAs(templates.get("letterhead"));
    }

    @Test
    void missingTemplateFailsWithItsName() {
        assertThatThrownBy(() -> templates.get("no-such-template"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-template")
                .hasMessageContaining("not found");
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
