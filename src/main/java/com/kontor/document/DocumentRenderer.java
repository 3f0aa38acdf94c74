package com.kontor.document;

import com.kontor.tenancy.Letterhead;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.renderers.SimpleDataRenderer;
import org.springframework.stereotype.Service;

/**
 * Renders invoices and credit notes (DOC-1) as PDF: a German business letter after DIN 5008 on the merchant's
 * letterhead, in German or English, with the items, the VAT per rate and the total. Everything printed is formatted
 * here in the document's language; the templates only lay it out.
 */
@Service
public class DocumentRenderer {

    static final String INVOICE_TEMPLATE = "invoice";
    static final String CREDIT_NOTE_TEMPLATE = "credit-note";

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final DocumentTemplates templates;

    public DocumentRenderer(DocumentTemplates templates) {
        this.templates = templates;
    }

    /** The PDF of an invoice or a credit note. */
    public byte[] render(DocumentContent content) {
        String template = switch (content.type()) {
            case INVOICE -> INVOICE_TEMPLATE;
            case CREDIT_NOTE -> CREDIT_NOTE_TEMPLATE;
            default ->
                throw new IllegalArgumentException(
                        "DocumentRenderer renders invoices and credit notes, not " + content.type());
        };
        if (content.lines().isEmpty()) {
            throw new IllegalArgumentException("Document " + content.number() + " has no lines");
        }
        Locale locale = "en".equals(content.language().getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        Formats formats = new Formats(locale, content.currency());
        DocumentLabels labels = DocumentLabels.of(locale);
        Map<String, Object> parameters = parameters(content, labels, formats);
        try {
            JasperPrint print = JasperFillManager.fillReport(
                    templates.get(template), parameters, new LineSource(content.lines(), formats));
            return JasperExportManager.exportReportToPdf(print);
        } catch (JRException e) {
            throw new IllegalStateException(
                    "Could not render " + content.type() + " " + content.number() + " as PDF: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> parameters(DocumentContent content, DocumentLabels labels, Formats formats) {
        Letterhead letterhead = content.letterhead();
        boolean invoice = content.type() == DocumentType.INVOICE;
        VatSummary vat = VatSummary.of(content.lines());
        // fillReport puts its own entries into the map, so it must be mutable
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, formats.locale);
        letterhead(p, letterhead, labels, content.recipient(), content.testMode());

        List<String[]> info = new ArrayList<>();
        info.add(new String[] {labels.get(invoice ? "invoiceNumber" : "creditNoteNumber"), content.number()});
        info.add(new String[] {labels.get("date"), formats.date(content.date())});
        if (present(content.recipient().customerNumber())) {
            info.add(new String[] {
                labels.get("customerNumber"), content.recipient().customerNumber()
            });
        }
        info.add(new String[] {labels.get("txid"), Long.toString(content.txid())});
        if (present(content.orderReference())) {
            info.add(new String[] {labels.get("orderReference"), content.orderReference()});
        }
        p.put("INFO_LABELS", info.stream().map(row -> row[0]).collect(Collectors.joining("\n")));
        p.put("INFO_VALUES", info.stream().map(row -> row[1]).collect(Collectors.joining("\n")));
        p.put("TITLE", labels.get(invoice ? "invoice" : "creditNote") + " " + content.number());
        p.put("INTRO", labels.get(invoice ? "invoiceIntro" : "creditNoteIntro"));

        for (String key : List.of("pos", "description", "quantity", "vat", "unitGross", "lineGross")) {
            p.put("H_" + key.toUpperCase(Locale.ROOT), labels.get(key));
        }
        p.put("VH_RATE", labels.get("vatRate"));
        p.put("VH_NET", labels.get("net"));
        p.put("VH_VAT", labels.get("vatAmount"));
        p.put("VH_GROSS", labels.get("gross"));
        p.put("VAT_RATES", rows(vat, r -> formats.percent(r.percent())));
        p.put("VAT_NET", rows(vat, r -> formats.money(r.netMinor())));
        p.put("VAT_VAT", rows(vat, r -> formats.money(r.vatMinor())));
        p.put("VAT_GROSS", rows(vat, r -> formats.money(r.grossMinor())));
        p.put("TOTAL_LABEL", labels.get("total"));
        p.put("TOTAL_NET", formats.money(vat.netMinor()));
        p.put("TOTAL_VAT", formats.money(vat.vatMinor()));
        p.put("TOTAL_GROSS", formats.money(vat.grossMinor()));

        String total = formats.money(vat.grossMinor());
        String closingText;
        if (invoice) {
            String due = content.dueDate() == null ? formats.date(content.date()) : formats.date(content.dueDate());
            closingText = present(letterhead.iban())
                    ? labels.format(
                            "payToAccount",
                            total,
                            due,
                            groupedIban(letterhead.iban()).replace(' ', '\u00a0'), // kept on one line
                            present(letterhead.bic())
                                    ? labels.format("bic", letterhead.bic(), letterhead.bankName())
                                    : "",
                            content.number())
                    : labels.format("payBy", total, due, content.number());
        } else {
            closingText = labels.format("creditNoteAmount", total)
                    + (present(content.relatesTo()) ? "\n" + labels.format("relatesTo", content.relatesTo()) : "");
        }
        p.put("PAYMENT_TEXT", closingText);
        p.put("CLOSING", labels.get("closing") + "\n" + letterhead.name());
        return p;
    }

    /**
     * What every letter on the letterhead prints (DIN 5008): the TEST mark, the company with its contact and logo, the
     * sender line above the address window, the address, the page pattern and the three footer columns.
     */
    static void letterhead(
            Map<String, Object> p,
            Letterhead letterhead,
            DocumentLabels labels,
            Recipient recipient,
            boolean testMode) {
        p.put("TEST_MARK", testMode ? labels.get("testMark") : null);
        p.put("TEST_NOTICE", testMode ? labels.get("testNotice") : null);
        p.put("LOGO", letterhead.hasLogo() ? SimpleDataRenderer.getInstance(letterhead.logo()) : null);
        p.put("COMPANY", letterhead.name());
        p.put(
                "COMPANY_CONTACT",
                joinLines(
                        letterhead.street(),
                        town(letterhead),
                        prefixed(labels.get("phone"), letterhead.phone()),
                        prefixed(labels.get("email"), letterhead.email()),
                        letterhead.website()));
        p.put(
                "SENDER_LINE",
                Stream.of(letterhead.name(), letterhead.street(), town(letterhead))
                        .filter(DocumentRenderer::present)
                        .collect(Collectors.joining(" · ")));
        p.put("ADDRESS", String.join("\n", recipient.addressLines()));
        p.put("PAGE_PATTERN", labels.get("page"));
        p.put("FOOTER_1", joinLines(letterhead.name(), letterhead.street(), town(letterhead), letterhead.email()));
        p.put(
                "FOOTER_2",
                joinLines(
                        labels.get("bank"),
                        letterhead.bankName(),
                        present(letterhead.iban()) ? "IBAN " + groupedIban(letterhead.iban()) : null,
                        prefixed("BIC", letterhead.bic())));
        p.put(
                "FOOTER_3",
                joinLines(
                        prefixed(labels.get("vatId"), letterhead.vatId()),
                        letterhead.registerEntry(),
                        present(letterhead.managingDirectors())
                                ? labels.get("managingDirectors") + ": " + letterhead.managingDirectors()
                                : null));
    }

    private static String rows(VatSummary vat, Function<VatSummary.Rate, String> column) {
        return vat.rates().stream().map(column).collect(Collectors.joining("\n"));
    }

    /** "DE89 3704 0044 0532 0130 00": the paper form of an IBAN, in groups of four. */
    static String groupedIban(String iban) {
        String compact = iban.replaceAll("\\s+", "");
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(compact, i, Math.min(i + 4, compact.length()));
        }
        return grouped.toString();
    }

    private static String town(Letterhead letterhead) {
        String town = Stream.of(letterhead.postcode(), letterhead.city())
                .filter(DocumentRenderer::present)
                .collect(Collectors.joining(" "));
        return town.isEmpty() ? null : town;
    }

    private static String prefixed(String label, String value) {
        return present(value) ? label + " " + value : null;
    }

    static String joinLines(String... parts) {
        return Stream.of(parts).filter(DocumentRenderer::present).collect(Collectors.joining("\n"));
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Money, dates and percentages in the document's language; one per rendering (formats are not thread-safe). */
    static final class Formats {

        private final Locale locale;
        private final NumberFormat money;
        private final DecimalFormat percent;
        private final DateTimeFormatter date;
        private final int fractionDigits;

        Formats(Locale locale, Currency currency) {
            this.locale = locale;
            this.money = NumberFormat.getCurrencyInstance(locale == Locale.ENGLISH ? Locale.UK : Locale.GERMANY);
            this.money.setCurrency(currency);
            this.fractionDigits = Math.max(0, currency.getDefaultFractionDigits());
            this.money.setMinimumFractionDigits(fractionDigits);
            this.money.setMaximumFractionDigits(fractionDigits);
            this.percent = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(locale));
            this.date = locale == Locale.ENGLISH ? ENGLISH_DATE : GERMAN_DATE;
        }

        String money(long minor) {
            return money.format(BigDecimal.valueOf(minor, fractionDigits));
        }

        String percent(BigDecimal value) {
            return percent.format(value) + " %";
        }

        String date(LocalDate value) {
            return date.format(value);
        }
    }

    /** The item lines as the template's fields, formatted. */
    private static final class LineSource implements JRDataSource {

        private final List<DocumentLine> lines;
        private final Formats formats;
        private int index = -1;

        LineSource(List<DocumentLine> lines, Formats formats) {
            this.lines = lines;
            this.formats = formats;
        }

        @Override
        public boolean next() {
            index++;
            return index < lines.size();
        }

        @Override
        public Object getFieldValue(JRField field) {
            DocumentLine line = lines.get(index);
            return switch (field.getName()) {
                case "POS" -> Integer.toString(index + 1);
                case "DESCRIPTION" -> line.description();
                case "QUANTITY" ->
                    NumberFormat.getIntegerInstance(formats.locale).format(line.quantity());
                case "VAT" -> formats.percent(line.vatPercent());
                case "UNIT_GROSS" -> formats.money(line.unitGrossMinor());
                case "LINE_GROSS" -> formats.money(line.grossMinor());
                default -> throw new IllegalArgumentException("Unknown field " + field.getName());
            };
        }
    }
}
