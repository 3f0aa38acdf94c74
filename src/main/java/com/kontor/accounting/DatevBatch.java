package com.kontor.accounting;

import com.kontor.tenancy.Mode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * The journal as a DATEV "Buchungsstapel" in the EXTF format (ACCT-1), as DATEV's public format description
 * (developer.datev.de, "DATEV-Format", Einstieg and Formate/Buchungsstapel; header version 700, data category 21,
 * format version 13) describes it:
 *
 * <ul>
 *   <li>Windows-1252, fields separated by ";", every line ended by CR LF; text fields in double quotes (a quote inside
 *       doubled, no line breaks), numbers and dates without; amounts with a decimal comma and no thousands separator,
 *       always positive with two decimals (at most ten digits before the comma).
 *   <li>Line 1, the header record, 31 fields: "EXTF"; 700; 21; "Buchungsstapel"; 13; created (YYYYMMDDHHMMSSFFF);
 *       imported (empty); origin ""; exported by "Kontor"; imported by ""; Beraternummer; Mandantennummer; fiscal year
 *       start (YYYYMMDD); Sachkontenlänge; date from; date to (YYYYMMDD); Bezeichnung (at most 30 characters);
 *       Diktatkürzel ""; Buchungstyp 1 (Finanzbuchführung); Rechnungslegungszweck 0; Festschreibung 0 (the
 *       accountant may still correct); WKZ; reserved; Derivatskennzeichen ""; reserved; reserved; Sachkontenrahmen
 *       "03" (SKR03); ID der Branchenlösung; reserved; ""; Anwendungsinformation "".
 *   <li>Line 2, the 125 column headings of format version 13 in their order.
 *   <li>One line per journal line: #1 Umsatz, #2 Soll/Haben-Kennzeichen "S"/"H" (of #7 Konto), #3 WKZ Umsatz, #7
 *       Konto, #8 Gegenkonto, #10 Belegdatum (DDMM, the year comes from the header), #11 Belegfeld 1 (TXID or
 *       invoice number, at most 36 of DATEV's allowed characters: letters, digits, $ % & * + - / _, others become
 *       "-"), #14 Buchungstext (at most 60 characters); every other column empty.
 * </ul>
 *
 * Nothing in the file depends on the moment it is written: "created" is the first export's moment of the period.
 * The period must lie in one fiscal year (DATEV refuses a batch across two); the export checks that first.
 */
final class DatevBatch implements JournalWriter {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The column headings of Buchungsstapel format version 13, in DATEV's order. */
    static final List<String> COLUMNS = List.of(
            "Umsatz (ohne Soll/Haben-Kz)",
            "Soll/Haben-Kennzeichen",
            "WKZ Umsatz",
            "Kurs",
            "Basis-Umsatz",
            "WKZ Basis-Umsatz",
            "Konto",
            "Gegenkonto (ohne BU-Schlüssel)",
            "BU-Schlüssel",
            "Belegdatum",
            "Belegfeld 1",
            "Belegfeld 2",
            "Skonto",
            "Buchungstext",
            "Postensperre",
            "Diverse Adressnummer",
            "Geschäftspartnerbank",
            "Sachverhalt",
            "Zinssperre",
            "Beleglink",
            "Beleginfo - Art 1",
            "Beleginfo - Inhalt 1",
            "Beleginfo - Art 2",
            "Beleginfo - Inhalt 2",
            "Beleginfo - Art 3",
            "Beleginfo - Inhalt 3",
            "Beleginfo - Art 4",
            "Beleginfo - Inhalt 4",
            "Beleginfo - Art 5",
            "Beleginfo - Inhalt 5",
            "Beleginfo - Art 6",
            "Beleginfo - Inhalt 6",
            "Beleginfo - Art 7",
            "Beleginfo - Inhalt 7",
            "Beleginfo - Art 8",
            "Beleginfo - Inhalt 8",
            "KOST1 - Kostenstelle",
            "KOST2 - Kostenstelle",
            "Kost-Menge",
            "EU-Land u. UStID (Bestimmung)",
            "EU-Steuersatz (Bestimmung)",
            "Abw. Versteuerungsart",
            "Sachverhalt L+L",
            "Funktionsergänzung L+L",
            "BU 49 Hauptfunktionstyp",
            "BU 49 Hauptfunktionsnummer",
            "BU 49 Funktionsergänzung",
            "Zusatzinformation - Art 1",
            "Zusatzinformation- Inhalt 1",
            "Zusatzinformation - Art 2",
            "Zusatzinformation- Inhalt 2",
            "Zusatzinformation - Art 3",
            "Zusatzinformation- Inhalt 3",
            "Zusatzinformation - Art 4",
            "Zusatzinformation- Inhalt 4",
            "Zusatzinformation - Art 5",
            "Zusatzinformation- Inhalt 5",
            "Zusatzinformation - Art 6",
            "Zusatzinformation- Inhalt 6",
            "Zusatzinformation - Art 7",
            "Zusatzinformation- Inhalt 7",
            "Zusatzinformation - Art 8",
            "Zusatzinformation- Inhalt 8",
            "Zusatzinformation - Art 9",
            "Zusatzinformation- Inhalt 9",
            "Zusatzinformation - Art 10",
            "Zusatzinformation- Inhalt 10",
            "Zusatzinformation - Art 11",
            "Zusatzinformation- Inhalt 11",
            "Zusatzinformation - Art 12",
            "Zusatzinformation- Inhalt 12",
            "Zusatzinformation - Art 13",
            "Zusatzinformation- Inhalt 13",
            "Zusatzinformation - Art 14",
            "Zusatzinformation- Inhalt 14",
            "Zusatzinformation - Art 15",
            "Zusatzinformation- Inhalt 15",
            "Zusatzinformation - Art 16",
            "Zusatzinformation- Inhalt 16",
            "Zusatzinformation - Art 17",
            "Zusatzinformation- Inhalt 17",
            "Zusatzinformation - Art 18",
            "Zusatzinformation- Inhalt 18",
            "Zusatzinformation - Art 19",
            "Zusatzinformation- Inhalt 19",
            "Zusatzinformation - Art 20",
            "Zusatzinformation- Inhalt 20",
            "Stück",
            "Gewicht",
            "Zahlweise",
            "Forderungsart",
            "Veranlagungsjahr",
            "Zugeordnete Fälligkeit",
            "Skontotyp",
            "Auftragsnummer",
            "Buchungstyp",
            "USt-Schlüssel (Anzahlungen)",
            "EU-Land (Anzahlungen)",
            "Sachverhalt L+L (Anzahlungen)",
            "EU-Steuersatz (Anzahlungen)",
            "Erlöskonto (Anzahlungen)",
            "Herkunft-Kz",
            "Buchungs GUID",
            "KOST-Datum",
            "SEPA-Mandatsreferenz",
            "Skontosperre",
            "Gesellschaftername",
            "Beteiligtennummer",
            "Identifikationsnummer",
            "Zeichnernummer",
            "Postensperre bis",
            "Bezeichnung SoBil-Sachverhalt",
            "Kennzeichen SoBil-Buchung",
            "Festschreibung",
            "Leistungsdatum",
            "Datum Zuord. Steuerperiode",
            "Fälligkeit",
            "Generalumkehr (GU)",
            "Steuersatz",
            "Land",
            "Abrechnungsreferenz",
            "BVV-Position",
            "EU-Land u. UStID (Ursprung)",
            "EU-Steuersatz (Ursprung)",
            "Abw. Skontokonto");

    static final int HEADER_FIELDS = 31;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("ddMM");

    private final Writer writer;
    private final String[] cells = new String[COLUMNS.size()];

    DatevBatch(OutputStream target, Header header) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(target, WINDOWS_1252));
        AccountMapping m = header.mapping();
        JournalPeriod period = header.period();
        List<String> record = new ArrayList<>(List.of(
                text("EXTF"),
                "700",
                "21",
                text("Buchungsstapel"),
                "13",
                CREATED.format(header.created()),
                "",
                text(""),
                text("Kontor"),
                text(""),
                Integer.toString(m.consultantNumber()),
                Integer.toString(m.clientNumber()),
                DAY.format(fiscalYearStart(period.from(), m.fiscalYearStartMonth())),
                Integer.toString(m.accountLength()),
                DAY.format(period.from()),
                DAY.format(period.to()),
                text(name(header)),
                text(""),
                "1",
                "0",
                "0",
                text(header.currency()),
                "",
                text(""),
                "",
                "",
                text("03"),
                "",
                "",
                text(""),
                text("")));
        line(record);
        line(COLUMNS);
    }

    /**
     * "Kontor TEST 2026-11" or "Kontor LIVE 20261103-20261117": the batch name the accountant sees (DATEV allows 30
     * characters).
     */
    private static String name(Header header) {
        JournalPeriod p = header.period();
        String mode = header.partition().mode() == Mode.TEST ? "TEST" : "LIVE";
        String days =
                p.isMonth() ? p.from().toString().substring(0, 7) : DAY.format(p.from()) + "-" + DAY.format(p.to());
        return "Kontor " + mode + " " + days;
    }

    /** The first day of the fiscal year that {@code day} lies in, for a fiscal year starting in {@code month}. */
    static LocalDate fiscalYearStart(LocalDate day, int month) {
        LocalDate start = LocalDate.of(day.getYear(), month, 1);
        return start.isAfter(day) ? start.minusYears(1) : start;
    }

    @Override
    public void write(JournalLine line) throws IOException {
        Arrays.fill(cells, "");
        cells[0] = amount(line.amount(), line.currency());
        cells[1] = text(line.debit() ? "S" : "H");
        cells[2] = text(line.currency());
        cells[6] = line.account();
        cells[7] = line.contraAccount();
        cells[9] = DAY_MONTH.format(line.date());
        cells[10] = text(document(line.document()));
        cells[13] = text(clip(line.text(), 60));
        line(Arrays.asList(cells));
    }

    /** "1234,56": two decimals, a comma, no grouping; a currency with more decimals than two cannot be booked. */
    static String amount(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits)
                .setScale(2, RoundingMode.UNNECESSARY)
                .toPlainString()
                .replace('.', ',');
    }

    /** Belegfeld 1: DATEV's characters only, at most 36. */
    static String document(String document) {
        String clean = document.replaceAll("[^A-Za-z0-9$%&*+\\-/_]", "-");
        return clean.substring(0, Math.min(36, clean.length()));
    }

    private static String clip(String text, int max) {
        String oneLine = text.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.substring(0, Math.min(max, oneLine.length()));
    }

    private static String text(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private void line(List<String> fields) throws IOException {
        writer.write(String.join(";", fields));
        writer.write("\r\n");
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
