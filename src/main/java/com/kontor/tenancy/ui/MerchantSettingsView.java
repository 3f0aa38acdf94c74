package com.kontor.tenancy.ui;

import com.kontor.tenancy.MerchantSettingsService;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.SettingsForm;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Locale;

/** The merchant settings of ACC-6: time zone, language, currency, payment term, four-eyes. */
@Route(Mode.ROUTE_PREFIX + "admin/settings")
@RolesAllowed(Role.Names.ADMIN)
public class MerchantSettingsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final MerchantSettingsService settingsService;
    private final BeanValidationBinder<SettingsForm> binder = new BeanValidationBinder<>(SettingsForm.class);
    private final HorizontalLayout top = new HorizontalLayout();

    public MerchantSettingsView(MerchantSettingsService settingsService) {
        this.settingsService = settingsService;
        ComboBox<String> zone = new ComboBox<>(getTranslation("settings.timeZone"));
        zone.setId("settings-time-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        Select<String> language = new Select<>();
        language.setLabel(getTranslation("settings.language"));
        language.setId("settings-language");
        language.setItems(MerchantSettingsService.LANGUAGES.stream().sorted().toList());
        language.setItemLabelGenerator(l -> Locale.of(l).getDisplayLanguage(getLocale()));
        Select<String> currency = new Select<>();
        currency.setLabel(getTranslation("settings.currency"));
        currency.setId("settings-currency");
        currency.setItems(MerchantSettingsService.CURRENCIES.stream().sorted().toList());
        IntegerField term = new IntegerField(getTranslation("settings.paymentTerm"));
        term.setId("settings-payment-term");
        term.setMin(0);
        term.setMax(365);
        Checkbox fourEyes = new Checkbox(getTranslation("settings.fourEyes"));
        fourEyes.setId("settings-four-eyes");
        BigDecimalField threshold = new BigDecimalField(getTranslation("settings.fourEyesThreshold"));
        threshold.setId("settings-four-eyes-threshold");

        binder.forField(zone).bind("timeZone");
        binder.forField(language).bind("defaultLanguage");
        binder.forField(currency).bind("defaultCurrency");
        binder.forField(term).bind("paymentTermDays");
        binder.forField(fourEyes).bind("fourEyesEnabled");
        binder.forField(threshold).bind("fourEyesThreshold");
        FieldErrors errors = new FieldErrors(this)
                .field("timeZone", zone)
                .field("defaultLanguage", language)
                .field("defaultCurrency", currency)
                .field("paymentTermDays", term)
                .field("fourEyesThreshold", threshold);

        Button save = new Button(getTranslation("common.save"), e -> {
            if (binder.validate().isOk()) {
                try {
                    settingsService.update(binder.getBean());
                    binder.setBean(settingsService.current());
                    FieldErrors.success(this, "settings.saved");
                } catch (OperationRefused refused) {
                    errors.show(refused);
                }
            }
        });
        save.setId("save-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(zone, language, currency, term, fourEyes, threshold);
        form.setMaxWidth("48em");
        top.setAlignItems(Alignment.BASELINE);
        top.add(new H2(getTranslation("nav.administration")));
        add(top, form, save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        top.getChildren().filter(AdminTabs.class::isInstance).findFirst().ifPresent(top::remove);
        top.add(new AdminTabs(event.getRouteParameters().get("mode").orElse("live")));
        binder.setBean(settingsService.current());
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("admin.settings");
    }
}
