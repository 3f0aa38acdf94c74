package com.kontor.dunning.ui;

import com.kontor.dunning.DunningLevelRule;
import com.kontor.dunning.DunningTexts;
import com.kontor.dunning.InterestRules;
import com.kontor.dunning.LevelTexts;
import com.kontor.money.Money;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A level's letter and email as a debtor would read them, filled with sample values (DUN-1 preview). */
final class PreviewDialog extends Dialog {

    /** The sample receivable: 119.00 open since 30 days after a purchase 44 days ago. */
    static final long SAMPLE_OPEN = 119_00;

    PreviewDialog(DunningLevelRule rule, String language, Currency currency, InterestRules interest, String merchant) {
        setId("dunning-preview-dialog");
        setHeaderTitle(getTranslation(
                "dunning.procedure.previewTitle",
                rule.level(),
                Locale.of(language).getDisplayLanguage(getLocale())));
        setWidth("min(48em, 95vw)");
        LevelTexts texts = rule.texts().get(language);
        Map<String, String> values = sampleValues(rule, language, currency, interest, merchant);

        Div letter = text("dunning-preview-letter", DunningTexts.fill(texts.letter(), values));
        letter.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("padding", "var(--lumo-space-m)")
                .set("font-family", "serif");
        Span subject = new Span(DunningTexts.fill(texts.emailSubject(), values));
        subject.setId("dunning-preview-subject");
        subject.getStyle().set("font-weight", "600");
        Div body = text("dunning-preview-body", DunningTexts.fill(texts.emailBody(), values));
        Span note = new Span(getTranslation("dunning.procedure.previewNote"));
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout content = new VerticalLayout(
                note,
                new H4(getTranslation("dunning.procedure.letter")),
                letter,
                new H4(getTranslation("dunning.procedure.email")),
                subject,
                body);
        content.setPadding(false);
        content.setWidthFull();
        content.getStyle().set("box-sizing", "border-box");
        add(content);
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId("dunning-preview-close");
        getFooter().add(close);
    }

    private static Div text(String id, String value) {
        Div div = new Div();
        div.setId(id);
        div.setText(value);
        div.getStyle()
                .set("white-space", "pre-wrap")
                .set("box-sizing", "border-box")
                .set("width", "100%");
        return div;
    }

    static Map<String, String> sampleValues(
            DunningLevelRule rule, String language, Currency currency, InterestRules interest, String merchant) {
        Locale locale = Locale.of(language);
        DateTimeFormatter dates =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        LocalDate today = LocalDate.now();
        LocalDate due = today.minusDays(30);
        long interestMinor = interest.consumerInterest() && interest.consumerRateBasisPoints() > 0
                ? BigDecimal.valueOf(SAMPLE_OPEN)
                        .multiply(BigDecimal.valueOf(interest.consumerRateBasisPoints()))
                        .multiply(BigDecimal.valueOf(30))
                        .divide(BigDecimal.valueOf(10_000L * 365), 0, RoundingMode.HALF_UP)
                        .longValue()
                : 0;
        long fee = Math.max(0, rule.fee());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", "de".equals(language) ? "Erika Mustermann" : "Jane Doe");
        values.put("txid", "4711");
        values.put("reference", "SHOP-ORDER-A");
        values.put("invoiceNumber", "RE-2026-00042");
        values.put("transactionDate", dates.format(due.minusDays(14)));
        values.put("dueDate", dates.format(due));
        values.put("openAmount", new Money(SAMPLE_OPEN, currency).format(locale));
        values.put("fee", new Money(fee, currency).format(locale));
        values.put("interest", new Money(interestMinor, currency).format(locale));
        values.put("total", new Money(SAMPLE_OPEN + fee + interestMinor, currency).format(locale));
        values.put("payBy", dates.format(today.plusDays(14)));
        values.put("merchant", merchant);
        values.put("level", Integer.toString(rule.level()));
        return values;
    }
}
