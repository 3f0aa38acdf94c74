package com.kontor.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * An area of the portal that is named in the menu (with its access rules in force) but whose features arrive
 * with a later release; it says so plainly instead of showing empty controls.
 */
public abstract class PlannedAreaView extends VerticalLayout implements HasDynamicTitle {

    private final String titleKey;

    protected PlannedAreaView(String titleKey, String descriptionKey) {
        this.titleKey = titleKey;
        addClassName("kontor-planned-area");
        H2 title = new H2(getTranslation(titleKey));
        Paragraph description = new Paragraph(getTranslation(descriptionKey));
        Paragraph planned = new Paragraph(getTranslation("area.planned"));
        planned.addClassName("kontor-muted");
        add(title, description, planned);
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation(titleKey);
    }
}
