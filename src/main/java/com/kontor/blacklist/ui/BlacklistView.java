package com.kontor.blacklist.ui;

import com.kontor.blacklist.Blacklist;
import com.kontor.blacklist.BlacklistEntrySummary;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.RequiresModule;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The merchant's blacklist of the current mode (BL-4): every entry, masked, with its expiry; filter by kind and
 * text; take an entry off. Only with the risk management module, only for SUPPORT and ADMIN.
 */
@Route(Mode.ROUTE_PREFIX + "blacklist")
@Menu(title = "nav.blacklist", order = 50, icon = "vaadin:ban")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.ADMIN})
@RequiresModule(BookedModule.RISK)
public class BlacklistView extends VerticalLayout implements HasDynamicTitle {

    private final Blacklist blacklist;
    private final Grid<BlacklistEntrySummary> grid = new Grid<>();
    private final Select<BlacklistKind> kind = new Select<>();
    private final TextField text = new TextField();

    public BlacklistView(Blacklist blacklist, MerchantDirectory merchantDirectory) {
        this.blacklist = blacklist;
        setSizeFull();
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(merchantDirectory.requireCurrent().settings().timeZone());
        kind.setId("blacklist-kind");
        kind.setLabel(getTranslation("blacklist.kind"));
        kind.setItems(BlacklistKind.values());
        kind.setItemLabelGenerator(
                k -> k == null ? getTranslation("blacklist.allKinds") : getTranslation("blacklist.kind." + k.name()));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("blacklist.allKinds"));
        kind.addValueChangeListener(e -> refresh());
        text.setId("blacklist-filter");
        text.setLabel(getTranslation("blacklist.filter"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> refresh());
        grid.setId("blacklist-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> getTranslation("blacklist.kind." + e.kind().name()))
                .setHeader(getTranslation("blacklist.kind"))
                .setAutoWidth(true);
        grid.addColumn(BlacklistEntrySummary::masked)
                .setHeader(getTranslation("blacklist.value"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.expiresOn() == null ? getTranslation("blacklist.unlimited") : date.format(e.expiresOn()))
                .setHeader(getTranslation("blacklist.expiry"))
                .setAutoWidth(true);
        grid.addColumn(e -> dateTime.format(e.createdAt()) + " · " + e.createdBy())
                .setHeader(getTranslation("blacklist.created"))
                .setAutoWidth(true);
        grid.addComponentColumn(e -> {
                    Button remove = new Button(getTranslation("blacklist.remove"), click -> {
                        blacklist.remove(e.id());
                        refresh();
                    });
                    remove.setId("blacklist-remove-" + e.id());
                    remove.setAriaLabel(getTranslation("blacklist.removeOf", e.masked()));
                    remove.addThemeVariants(
                            ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    return remove;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        add(new H2(getTranslation("nav.blacklist")), new HorizontalLayout(kind, text), grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        String filter = text.getValue() == null ? "" : text.getValue().strip().toLowerCase(Locale.ROOT);
        List<BlacklistEntrySummary> entries = blacklist.list().stream()
                .filter(e -> kind.getValue() == null || e.kind() == kind.getValue())
                .filter(e -> filter.isEmpty()
                        || e.masked().toLowerCase(Locale.ROOT).contains(filter)
                        || e.createdBy().toLowerCase(Locale.ROOT).contains(filter))
                .toList();
        grid.setItems(entries);
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.blacklist");
    }
}
