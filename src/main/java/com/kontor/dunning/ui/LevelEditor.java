package com.kontor.dunning.ui;

import com.kontor.dunning.DunningChannel;
import com.kontor.dunning.DunningLevelRule;
import com.kontor.dunning.DunningProcedures;
import com.kontor.dunning.LevelTexts;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** One dunning level in the procedure view: days, fee, channel, and the texts per language in tabs. */
final class LevelEditor extends VerticalLayout {

    private final int level;
    private final Currency currency;
    private final IntegerField days = new IntegerField();
    private final BigDecimalField fee = new BigDecimalField();
    private final Select<DunningChannel> channel = new Select<>();
    private final Map<String, TextArea> letters = new LinkedHashMap<>();
    private final Map<String, TextField> subjects = new LinkedHashMap<>();
    private final Map<String, TextArea> bodies = new LinkedHashMap<>();
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final TabSheet sheet = new TabSheet();
    private final Button remove = new Button();

    LevelEditor(DunningLevelRule rule, Currency currency, Consumer<LevelEditor> onPreview, Runnable onRemove) {
        this.level = rule.level();
        this.currency = currency;
        String id = "dunning-level-" + level;
        setId(id);
        addClassName("kontor-dunning-level");
        getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");

        H4 title = new H4(getTranslation("dunning.procedure.level", level));
        title.getStyle().set("margin", "0");
        Button preview = new Button(getTranslation("dunning.procedure.preview"), e -> onPreview.accept(this));
        preview.setId(id + "-preview");
        preview.addThemeVariants(ButtonVariant.LUMO_SMALL);
        remove.setText(getTranslation("dunning.procedure.removeLevel"));
        remove.setId(id + "-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> onRemove.run());
        HorizontalLayout header = new HorizontalLayout(title, preview, remove);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();

        days.setLabel(
                getTranslation(level == 1 ? "dunning.procedure.daysAfterDue" : "dunning.procedure.daysAfterPrevious"));
        days.setId(id + "-days");
        days.setMin(1);
        days.setMax(DunningProcedures.MAX_DAYS);
        days.setValue(rule.days());
        fee.setLabel(getTranslation("dunning.procedure.fee"));
        fee.setId(id + "-fee");
        fee.setSuffixComponent(new Span(currency.getCurrencyCode()));
        fee.setValue(DunningProcedureView.Amounts.major(rule.fee(), currency));
        channel.setLabel(getTranslation("dunning.procedure.channel"));
        channel.setId(id + "-channel");
        channel.setItems(DunningChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation(DunningProcedureView.channelKey(c)));
        channel.setValue(rule.channel());
        FormLayout settings = new FormLayout(days, fee, channel);
        settings.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        settings.setWidthFull();

        for (String language : DunningProcedures.LANGUAGES) {
            LevelTexts texts = rule.texts().get(language);
            TextField subject = new TextField(getTranslation("dunning.procedure.emailSubject"));
            subject.setId(id + "-" + language + "-emailSubject");
            subject.setMaxLength(DunningProcedures.MAX_SUBJECT_LENGTH);
            subject.setWidthFull();
            TextArea letter = new TextArea(getTranslation("dunning.procedure.letter"));
            letter.setId(id + "-" + language + "-letter");
            letter.setMaxLength(DunningProcedures.MAX_LETTER_LENGTH);
            letter.setWidthFull();
            letter.setMinHeight("14em");
            letter.setMaxHeight("24em");
            TextArea body = new TextArea(getTranslation("dunning.procedure.emailBody"));
            body.setId(id + "-" + language + "-emailBody");
            body.setMaxLength(DunningProcedures.MAX_BODY_LENGTH);
            body.setWidthFull();
            body.setMinHeight("10em");
            body.setMaxHeight("18em");
            if (texts != null) {
                letter.setValue(texts.letter());
                subject.setValue(texts.emailSubject());
                body.setValue(texts.emailBody());
            }
            letters.put(language, letter);
            subjects.put(language, subject);
            bodies.put(language, body);
            // letter beside email: a level's texts in one view at 1280 px, without scrolling past one another
            VerticalLayout email = new VerticalLayout(subject, body);
            email.setPadding(false);
            email.setSpacing(false);
            FormLayout content = new FormLayout(letter, email);
            content.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
            Tab tab = sheet.add(Locale.of(language).getDisplayLanguage(getLocale()), content);
            tab.setId(id + "-tab-" + language);
            tabs.put(language, tab);
        }
        sheet.setWidthFull();
        add(header, settings, sheet);
    }

    int level() {
        return level;
    }

    void setRemovable(boolean removable) {
        remove.setVisible(removable);
    }

    /** The language of the tab shown. */
    String selectedLanguage() {
        Tab selected = sheet.getSelectedTab();
        return tabs.entrySet().stream()
                .filter(e -> e.getValue() == selected)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("de");
    }

    /** The level as typed; what cannot be converted is named in {@code errors} (and the service refuses it). */
    DunningLevelRule rule(Map<String, String> errors) {
        String prefix = "levels." + level + ".";
        Map<String, LevelTexts> texts = new LinkedHashMap<>();
        for (String language : DunningProcedures.LANGUAGES) {
            texts.put(
                    language,
                    new LevelTexts(
                            letters.get(language).getValue(),
                            subjects.get(language).getValue(),
                            bodies.get(language).getValue()));
        }
        return new DunningLevelRule(
                level,
                days.getValue() == null ? 0 : days.getValue(),
                DunningProcedureView.Amounts.minor(fee.getValue(), currency, prefix + "fee", errors),
                channel.getValue(),
                texts);
    }

    /** The fields by the names the service's refusal uses. */
    Map<String, HasValidation> fields() {
        String prefix = "levels." + level + ".";
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put(prefix + "days", days);
        fields.put(prefix + "fee", fee);
        fields.put(prefix + "channel", channel);
        for (String language : DunningProcedures.LANGUAGES) {
            fields.put(prefix + language + ".letter", letters.get(language));
            fields.put(prefix + language + ".emailSubject", subjects.get(language));
            fields.put(prefix + language + ".emailBody", bodies.get(language));
        }
        return fields;
    }

    /** Shows the first language tab holding a refused text, so the message next to it is seen. */
    void showTabWithError(Collection<String> erroneousFields) {
        String prefix = "levels." + level + ".";
        for (String language : DunningProcedures.LANGUAGES) {
            if (erroneousFields.stream().anyMatch(f -> f.startsWith(prefix + language + "."))) {
                sheet.setSelectedTab(tabs.get(language));
                return;
            }
        }
    }
}
