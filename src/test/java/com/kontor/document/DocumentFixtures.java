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

/** Invoices, credit notes, dunning letters and mandates for rendering tests, the bench and sample pages. */
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

    /** A second-level dunning letter MA-000007: the invoice, a payment, the fee and interest, 76.23 due. */
    public static DunningLetterContent dunningLetter(Locale language, boolean testMode, byte[] logo) {
        boolean german = language.getLanguage().equals("de");
        DunningLetter letter = new DunningLetter(
                2,
                german ? "2. Mahnung zu Ihrer Bestellung B-2026-3381" : "Second reminder for your order B-2026-3381",
                german
                        ? "Sehr geehrte Damen und Herren,\n\nleider konnten wir bis heute keinen Zahlungseingang "
                                + "feststellen. Bitte begleichen Sie den offenen Betrag.\n\nSollten Sie inzwischen "
                                + "gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos."
                        : "Dear Sir or Madam,\n\nwe have not yet received your payment. Please settle the amount "
                                + "due.\n\nIf you have paid in the meantime, please disregard this letter.",
                List.of(
                        new LetterLine(
                                german
                                        ? "Rechnung RE-2026-00012 vom 01.10.2026, fällig am 15.10.2026"
                                        : "Invoice RE-2026-00012 of 1 October 2026, due 15 October 2026",
                                12_000),
                        new LetterLine(german ? "Zahlung vom 20.10.2026" : "Payment of 20 October 2026", -5_000),
                        new LetterLine(german ? "Mahngebühr 2. Mahnung" : "Dunning fee second reminder", 500),
                        new LetterLine(
                                german ? "Verzugszinsen 15.10.–07.12.2026" : "Default interest 15 Oct – 7 Dec 2026",
                                123)),
                7_623,
                LocalDate.of(2026, 12, 21));
        return new DunningLetterContent(
                "MA-000007",
                LocalDate.of(2026, 12, 7),
                language,
                testMode,
                TestLetterheads.mueller(logo),
                recipient(),
                4711L,
                "B-2026-3381",
                EUR,
                letter);
    }

    /** Mandate KM10042-7 of the recipient to Müller Handels GmbH, signed 15.03.2026, with the given IBAN as printed. */
    public static MandateContent mandate(Locale language, boolean testMode, String iban) {
        return new MandateContent(
                language,
                testMode,
                LocalDate.of(2026, 12, 7),
                TestLetterheads.mueller(null),
                "DE98ZZZ09999999999",
                "KM10042-7",
                RECIPIENT_NAME,
                "ul. Świętokrzyska 12, 00-916 Warszawa, PL",
                RECIPIENT_NAME,
                iban,
                "BYLADEM1001",
                LocalDate.of(2026, 3, 15));
    }

    /** A valid German IBAN with a random account number, so that no other test's blacklist entry matches it. */
    public static String germanIban() {
        String bban = "37040044"
                + String.format(
                        Locale.ROOT,
                        "%010d",
                        Math.floorMod(java.util.UUID.randomUUID().getMostSignificantBits(), 10_000_000_000L));
        // ISO 13616: the check digits are 98 - (BBAN + "DE00", letters as numbers: D = 13, E = 14) mod 97
        int check = 98
                - new java.math.BigInteger(bban + "131400")
                        .mod(java.math.BigInteger.valueOf(97))
                        .intValue();
        return "DE" + String.format(Locale.ROOT, "%02d", check) + bban;
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
