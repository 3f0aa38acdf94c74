package com.kontor.document;

import com.kontor.tenancy.Letterhead;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import org.springframework.stereotype.Service;

/** Renders one-page letters on the merchant's letterhead as PDF. */
@Service
public class LetterRenderer {

    static final String TEMPLATE = "letterhead";

    /** Product rule: letters rendered in test mode are marked TEST. */
    static final String TEST_MARK = "TEST";

    private final DocumentTemplates templates;

    public LetterRenderer(DocumentTemplates templates) {
        this.templates = templates;
    }

    /** A PDF letter with the given body, dated {@code date} in the long style of {@code locale}. */
    public byte[] renderLetter(Letterhead letterhead, String body, LocalDate date, Locale locale, boolean testMode) {
        // fillReport puts its own entries into the map, so it must be mutable
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("MERCHANT_NAME", letterhead.name());
        parameters.put("MERCHANT_ADDRESS", addressLine(letterhead));
        parameters.put("MERCHANT_VAT_ID", letterhead.vatId());
        parameters.put(
                "DOCUMENT_DATE",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(date));
        parameters.put("BODY", body);
        parameters.put("TEST_MARK", testMode ? TEST_MARK : null);
        parameters.put(JRParameter.REPORT_LOCALE, locale);
        try {
            JasperPrint print =
                    JasperFillManager.fillReport(templates.get(TEMPLATE), parameters, new JREmptyDataSource(1));
            return JasperExportManager.exportReportToPdf(print);
        } catch (JRException e) {
            throw new IllegalStateException(
                    "Could not render the letter for '" + letterhead.name() + "' as PDF: " + e.getMessage(), e);
        }
    }

    /** "Hauptstraße 1, 10115 Berlin, DE": the parts that are set. */
    static String addressLine(Letterhead letterhead) {
        String town = Stream.of(letterhead.postcode(), letterhead.city())
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        return Stream.of(letterhead.street(), town, letterhead.country())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
    }
}
