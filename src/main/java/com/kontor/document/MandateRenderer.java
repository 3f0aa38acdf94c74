package com.kontor.document;

import com.kontor.tenancy.Letterhead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import org.springframework.stereotype.Service;

/**
 * Renders a stored SEPA direct debit mandate (DEB-6, DOC-1) as PDF on the merchant's letterhead: the creditor with its
 * creditor identifier and the mandate reference, the standard mandate wording, the debtor with the masked IBAN and the
 * date of signature. German or English; test mode marks the page. Not numbered and not archived: it shows the
 * mandate as stored, on demand.
 */
@Service
public class MandateRenderer {

    static final String TEMPLATE = "sepa-mandate";

    private final DocumentTemplates templates;

    public MandateRenderer(DocumentTemplates templates) {
        this.templates = templates;
    }

    public byte[] render(MandateContent content) {
        if (content.ibanMasked() == null
                || content.ibanMasked().replaceAll("[^0-9A-Za-z]", "").length() > 8) {
            // first four and last four (DEB-4): anything longer could be a full IBAN
            throw new IllegalArgumentException("A mandate's PDF shows the masked IBAN only");
        }
        Locale locale = "en".equals(content.language().getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        DocumentLabels labels = DocumentLabels.of(locale);
        DocumentRenderer.Formats formats = new DocumentRenderer.Formats(locale, java.util.Currency.getInstance("EUR"));
        Letterhead letterhead = content.letterhead();
        String none = labels.get("notKnown");
        // fillReport puts its own entries into the map, so it must be mutable
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, locale);
        DocumentRenderer.letterhead(p, letterhead, labels, new Recipient(null, List.of()), content.testMode());
        p.put("TITLE", labels.get("mandateTitle"));
        p.put("OTHER_TITLE", labels.get("mandateOtherTitle"));
        p.put("CREDITOR_HEADING", labels.get("creditor"));
        p.put(
                "CREDITOR_LABELS",
                String.join(
                        "\n",
                        labels.get("name"),
                        labels.get("address"),
                        labels.get("creditorId"),
                        labels.get("mandateReference"),
                        labels.get("paymentType")));
        p.put(
                "CREDITOR_VALUES",
                String.join(
                        "\n",
                        letterhead.name(),
                        orNone(LetterRenderer.addressLine(letterhead), none),
                        orNone(content.creditorId(), none),
                        content.mandateReference(),
                        labels.get("recurrent")));
        p.put("MANDATE_TEXT", labels.get("mandateText").formatted(letterhead.name()));
        p.put("DEBTOR_HEADING", labels.get("debtor"));
        List<String[]> debtor = new ArrayList<>();
        debtor.add(new String[] {labels.get("name"), orNone(content.debtorName(), none)});
        debtor.add(new String[] {labels.get("address"), orNone(content.debtorAddress(), none)});
        if (DocumentRenderer.present(content.accountHolder())
                && !content.accountHolder().equals(content.debtorName())) {
            debtor.add(new String[] {labels.get("accountHolder"), content.accountHolder()});
        }
        debtor.add(new String[] {labels.get("iban"), content.ibanMasked()});
        debtor.add(new String[] {labels.get("bicLabel"), orNone(content.bic(), none)});
        debtor.add(new String[] {labels.get("signedOn"), formats.date(content.signedOn())});
        p.put("DEBTOR_LABELS", debtor.stream().map(r -> r[0]).collect(Collectors.joining("\n")));
        p.put("DEBTOR_VALUES", debtor.stream().map(r -> r[1]).collect(Collectors.joining("\n")));
        p.put(
                "NOTE",
                labels.get("mandateIbanNote") + "\n"
                        + labels.format("mandateCopy", formats.date(content.signedOn()), formats.date(content.date())));
        try {
            JasperPrint print = JasperFillManager.fillReport(templates.get(TEMPLATE), p, new JREmptyDataSource(1));
            return JasperExportManager.exportReportToPdf(print);
        } catch (JRException e) {
            throw new IllegalStateException(
                    "Could not render mandate " + content.mandateReference() + " as PDF: " + e.getMessage(), e);
        }
    }

    private static String orNone(String value, String none) {
        return DocumentRenderer.present(value) ? value : none;
    }
}
