package com.kontor.dunning.ui;

import com.kontor.dunning.DunningEntry;
import com.kontor.money.Money;
import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How the dunning dialogs name levels, dates and amounts in the user's language. */
final class DunningLabels {

    private final Component owner;
    private final Locale locale;
    private final DateTimeFormatter date;

    DunningLabels(Component owner, Locale locale) {
        this.owner = owner;
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    String level(int level) {
        if (level <= 0) {
            return owner.getTranslation("dunning.NONE");
        }
        return owner.getTranslation(
                level >= DunningEntry.DEBT_COLLECTION ? "dunning.DEBT_COLLECTION" : "dunning.LEVEL_" + level);
    }

    String date(LocalDate day) {
        return day == null ? "" : date.format(day);
    }

    String money(Money money) {
        return money == null ? "" : money.format(locale);
    }
}
