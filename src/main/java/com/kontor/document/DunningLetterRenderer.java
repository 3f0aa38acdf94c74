package com.kontor.document;

import com.kontor.tenancy.Letterhead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import org.springframework.stereotype.Service;

/**
 * Renders dunning letters (DUN-7, DOC-1) as PDF on the merchant's letterhead in the invoice's DIN 5008 layout: the
 * information block with the level, the subject in bold, the level's text, the items with fees and interest, the
 * amount due in bold and the date to pay by. German or English; test mode marks every page.
 */
@Service
public class DunningLetterRenderer {

    static final String TEMPLATE = "dunning-letter";

    private final DocumentTemplates templates;

    public DunningLetterRenderer(DocumentTemplates templates) {
        this.templates = templates;
    }

    /** The PDF of one dunning letter. */
    public byte[] render(DunningLetterContent content) {
        Locale locale = "en".equals(content.language().getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        DocumentRenderer.Formats formats = new DocumentRenderer.Formats(locale, content.currency());
        DocumentLabels labels = DocumentLabels.of(locale);
        try {
            JasperPrint print = JasperFillManager.fillReport(
                    templates.get(TEMPLATE),
                    parameters(content, labels, formats),
                    new LineSource(content.letter().lines(), formats));
            return JasperExportManager.exportReportToPdf(print);
        } catch (JRException e) {
            throw new IllegalStateException(
                    "Could not render dunning letter " + content.number() + " as PDF: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> parameters(
            DunningLetterContent content, DocumentLabels labels, DocumentRenderer.Formats formats) {
        Letterhead letterhead = content.letterhead();
        DunningLetter letter = content.letter();
        // fillReport puts its own entries into the map, so it must be mutable
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, locale(content));
        DocumentRenderer.letterhead(p, letterhead, labels, content.recipient(), content.testMode());

        List<String[]> info = new ArrayList<>();
        info.add(new String[] {labels.get("dunningNumber"), content.number()});
        info.add(new String[] {labels.get("date"), formats.date(content.date())});
        if (DocumentRenderer.present(content.recipient().customerNumber())) {
            info.add(new String[] {
                labels.get("customerNumber"), content.recipient().customerNumber()
            });
        }
        info.add(new String[] {labels.get("txid"), Long.toString(content.txid())});
        if (DocumentRenderer.present(content.orderReference())) {
            info.add(new String[] {labels.get("orderReference"), content.orderReference()});
        }
        info.add(new String[] {labels.get("level"), Integer.toString(letter.level())});
        p.put("INFO_LABELS", info.stream().map(row -> row[0]).collect(Collectors.joining("\n")));
        p.put("INFO_VALUES", info.stream().map(row -> row[1]).collect(Collectors.joining("\n")));

        p.put("SUBJECT", letter.subject());
        p.put("TEXT", letter.text().isBlank() ? null : letter.text().strip());
        p.put("H_DESCRIPTION", labels.get("item"));
        p.put("H_AMOUNT", labels.get("amount"));
        p.put("TOTAL_LABEL", labels.get("amountDue"));
        String total = formats.money(letter.total());
        p.put("TOTAL", total);
        String payBy = formats.date(letter.payBy());
        p.put(
                "PAYMENT_TEXT",
                DocumentRenderer.present(letterhead.iban())
                        ? labels.format(
                                "dunningPayToAccount",
                                total,
                                payBy,
                                DocumentRenderer.groupedIban(letterhead.iban()).replace(' ', '\u00a0'),
                                DocumentRenderer.present(letterhead.bic())
                                        ? labels.format("bic", letterhead.bic(), letterhead.bankName())
                                        : "",
                                Long.toString(content.txid()))
                        : labels.format("dunningPayBy", total, payBy, Long.toString(content.txid())));
        p.put("CLOSING", labels.get("closing") + "\n" + letterhead.name());
        return p;
    }

    private static Locale locale(DunningLetterContent content) {
        return "en".equals(content.language().getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
    }

    /** The letter's lines as the template's fields, formatted. */
    private static final class LineSource implements JRDataSource {

        private final List<LetterLine> lines;
        private final DocumentRenderer.Formats formats;
        private int index = -1;

        LineSource(List<LetterLine> lines, DocumentRenderer.Formats formats) {
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
            LetterLine line = lines.get(index);
            return switch (field.getName()) {
                case "DESCRIPTION" -> line.description();
                case "AMOUNT" -> formats.money(line.amount());
                default -> throw new IllegalArgumentException("Unknown field " + field.getName());
            };
        }
    }
}
