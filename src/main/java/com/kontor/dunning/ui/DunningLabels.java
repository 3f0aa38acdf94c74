package com.kontor.dunning.ui;

import com.kontor.money.Money;
import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** How the dunning dialogs name levels, dates and amounts in the user's language. */
final class DunningLabels {

    /** The level after the last dunning level: the case goes to debt collection. */
    static final int DEBT_COLLECTION = 5;

    private final Component owner;
    private final DateTimeFormatter date;

    DunningLabels(Component owner) {
        this.owner = owner;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(owner.getLocale());
    }

    String level(int level) {
        if (level <= 0) {
            return owner.getTranslation("dunning.NONE");
        }
        return owner.getTranslation(level >= DEBT_COLLECTION ? "dunning.DEBT_COLLECTION" : "dunning.LEVEL_" + level);
    }

    String date(LocalDate day) {
        return day == null ? "" : date.format(day);
    }

    String money(Money money) {
        return money == null ? "" : money.format(owner.getLocale());
    }
}
