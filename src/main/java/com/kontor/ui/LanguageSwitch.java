package com.kontor.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;

/** German or English (PLAT-3): preset from the browser, switched here for the rest of the session. */
public class LanguageSwitch extends Select<Locale> {

    public static final List<Locale> LANGUAGES = List.of(Locale.GERMAN, Locale.ENGLISH);

    public LanguageSwitch() {
        setId("language-switch");
        setItems(LANGUAGES);
        setItemLabelGenerator(l -> l.getLanguage().toUpperCase(Locale.ROOT));
        setAriaLabel("Sprache / Language");
        setWidth("5.5em");
        Locale current = UI.getCurrent().getLocale();
        setValue(LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(current.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                VaadinSession.getCurrent().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
