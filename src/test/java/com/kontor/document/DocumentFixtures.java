package com.kontor.document;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Invoices and credit notes for rendering tests, the bench and sample pages. */
public final class DocumentFixtures {

    public static final String RECIPIENT_NAME = "Łukasz Müßig-Żółć";
    public static final Currency EUR = Currency.getInstance("EUR");

    private DocumentFixtures() {}

    /** An invoice of Müller Handels GmbH to Łukasz Müßig-Żółć with {@code lineCount} lines at 19, 7 and 0 %. */
    public static DocumentContent invoice(int lineCount, Locale language, boolean testMode, byte[] logo) {
        return new DocumentContent(
                DocumentType.INVOICE,
                "RE-2026-00012",
                LocalDate.of(2026, 12, 7),
                language,
                testMode,
                TestLetterheads.mueller(logo),
                recipient(),
                4711L,
                "B-2026-3381",
                EUR,
                lines(lineCount),
                LocalDate.of(2026, 12, 21),
                null);
    }

    /** A credit note relating to invoice RE-2026-00012. */
    public static DocumentContent creditNote(int lineCount, Locale language, boolean testMode, byte[] logo) {
        return new DocumentContent(
                DocumentType.CREDIT_NOTE,
                "GS-2026-00003",
                LocalDate.of(2026, 12, 9),
                language,
                testMode,
                TestLetterheads.mueller(logo),
                recipient(),
                4711L,
                "B-2026-3381",
                EUR,
                lines(lineCount),
                null,
                "RE-2026-00012");
    }

    static Recipient recipient() {
        return new Recipient("K-10042", List.of(RECIPIENT_NAME, "ul. Świętokrzyska 12", "00-916 Warszawa", "Polen"));
    }

    /** Lines cycling through three rates: 2 × 49.99 at 19 %, 1 × 12.50 at 7 %, 3 × 5.00 at 0 %, ... */
    static List<DocumentLine> lines(int count) {
        List<DocumentLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(
                    switch (i % 3) {
                        case 0 ->
                            new DocumentLine("Wanderschuh „Größe 44“ Nr. " + (i + 1), 2, BigDecimal.valueOf(19), 4999);
                        case 1 ->
                            new DocumentLine("Fachbuch Bergführer Nr. " + (i + 1), 1, BigDecimal.valueOf(7), 1250);
                        default -> new DocumentLine("Porto (umsatzsteuerfrei) Nr. " + (i + 1), 3, BigDecimal.ZERO, 500);
                    });
        }
        return lines;
    }

    /** A 320 × 100 PNG logo: a dark blue bar with the letters "MH". */
    public static byte[] logoPng() {
        BufferedImage image = new BufferedImage(320, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1F, 0x3A, 0x68));
        g.fillRoundRect(0, 10, 300, 80, 24, 24);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        g.drawString("MÜLLER", 40, 68);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
