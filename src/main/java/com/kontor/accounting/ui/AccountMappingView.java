package com.kontor.accounting.ui;

import com.kontor.accounting.AccountMapping;
import com.kontor.accounting.AccountMappingInvalid;
import com.kontor.accounting.AccountMappings;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.ui.AdminTabs;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The account mapping of the accounting export on Administration (ACCT-1): the accounts of receivables, revenue per
 * VAT rate, bank and each provider's clearing, fees, dunning fees, default interest and bad debt, and DATEV's header
 * data. SKR03 defaults, marked as not saved, until an admin saves; the service refuses bad fields, shown next to
 * them, and a save over someone else's.
 */
@Route(Mode.ROUTE_PREFIX + "admin/account-mapping")
@RolesAllowed(Role.Names.ADMIN)
public class AccountMappingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountMappings mappings;
    private final HorizontalLayout top = new HorizontalLayout();
    private final Span notSaved = new Span();
    private final Map<String, TextField> accounts = new LinkedHashMap<>();
    private final IntegerField consultantNumber = new IntegerField();
    private final IntegerField clientNumber = new IntegerField();
    private final IntegerField accountLength = new IntegerField();
    private final Select<Integer> fiscalYearStart = new Select<>();
    private long version = -1;

    public AccountMappingView(AccountMappings mappings) {
        this.mappings = mappings;
        setMaxWidth("72em");
        notSaved.setId("account-mapping-not-saved");
        notSaved.setText(getTranslation("accountMapping.notSaved"));
        notSaved.getElement().getThemeList().add("badge contrast");
        Paragraph intro = new Paragraph(getTranslation("accountMapping.intro"));
        intro.addClassName("kontor-muted");

        FormLayout accountForm = new FormLayout();
        for (String field : AccountMapping.defaults().accounts().keySet()) {
            TextField account = new TextField();
            account.setId("account-mapping-" + field.replace('.', '-'));
            account.setLabel(
                    field.startsWith("clearing.")
                            ? getTranslation("accountMapping.clearingOf", field.substring("clearing.".length()))
                            : getTranslation("accountMapping." + field));
            account.setMaxLength(9);
            account.setAllowedCharPattern("[0-9]");
            accounts.put(field, account);
            accountForm.add(account);
        }
        consultantNumber.setId("account-mapping-consultantNumber");
        consultantNumber.setLabel(getTranslation("accountMapping.consultantNumber"));
        clientNumber.setId("account-mapping-clientNumber");
        clientNumber.setLabel(getTranslation("accountMapping.clientNumber"));
        accountLength.setId("account-mapping-accountLength");
        accountLength.setLabel(getTranslation("accountMapping.accountLength"));
        fiscalYearStart.setId("account-mapping-fiscalYearStartMonth");
        fiscalYearStart.setLabel(getTranslation("accountMapping.fiscalYearStartMonth"));
        fiscalYearStart.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        fiscalYearStart.setItemLabelGenerator(m -> Month.of(m).getDisplayName(TextStyle.FULL_STANDALONE, getLocale()));
        FormLayout datev = new FormLayout(consultantNumber, clientNumber, fiscalYearStart, accountLength);
        for (FormLayout f : new FormLayout[] {accountForm, datev}) {
            f.setResponsiveSteps(
                    new FormLayout.ResponsiveStep("0", 1),
                    new FormLayout.ResponsiveStep("30em", 2),
                    new FormLayout.ResponsiveStep("50em", 3));
        }

        Button save = new Button(getTranslation("common.save"));
        save.setId("save-account-mapping");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            save.setEnabled(true);
            save();
        });
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.add(new H2(getTranslation("nav.administration")));
        add(
                top,
                notSaved,
                intro,
                new H3(getTranslation("accountMapping.accounts")),
                accountForm,
                new H3(getTranslation("accountMapping.datev")),
                datev,
                save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        top.getChildren().filter(AdminTabs.class::isInstance).findFirst().ifPresent(top::remove);
        top.add(new AdminTabs(
                event.getRouteParameters().get(Mode.ROUTE_PARAMETER).orElse("live")));
        show(mappings.editable());
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("admin.accountMapping");
    }

    private void show(AccountMapping mapping) {
        version = mapping.version();
        notSaved.setVisible(!mapping.saved());
        mapping.accounts().forEach((field, account) -> accounts.get(field).setValue(account));
        consultantNumber.setValue(mapping.consultantNumber());
        clientNumber.setValue(mapping.clientNumber());
        accountLength.setValue(mapping.accountLength());
        fiscalYearStart.setValue(mapping.fiscalYearStartMonth());
    }

    private void save() {
        fields().values().forEach(f -> f.setInvalid(false));
        Map<String, String> clearing = new LinkedHashMap<>();
        AccountMapping.PROVIDERS.forEach(p -> clearing.put(p, value("clearing." + p)));
        AccountMapping mapping = new AccountMapping(
                value("receivables"),
                value("revenueStandard"),
                value("revenueReduced"),
                value("revenueZero"),
                value("bank"),
                value("clearingDefault"),
                clearing,
                value("providerFees"),
                value("dunningFees"),
                value("chargebackFees"),
                value("defaultInterest"),
                value("badDebt"),
                number(consultantNumber),
                number(clientNumber),
                fiscalYearStart.getValue() == null ? 0 : fiscalYearStart.getValue(),
                number(accountLength),
                version);
        try {
            show(mappings.save(mapping, version));
            Notification n =
                    Notification.show(getTranslation("accountMapping.saved"), 3000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (AccountMappingInvalid invalid) {
            Map<String, HasValidation> fields = fields();
            invalid.errors().forEach((field, key) -> {
                HasValidation f = fields.get(field);
                if (f != null) {
                    f.setErrorMessage(getTranslation(key, number(accountLength)));
                    f.setInvalid(true);
                }
            });
        } catch (OperationRefused refused) {
            Notification n = Notification.show(
                    getTranslation(refused.messageKey(), refused.arguments()), 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>(accounts);
        fields.put("consultantNumber", consultantNumber);
        fields.put("clientNumber", clientNumber);
        fields.put("accountLength", accountLength);
        fields.put("fiscalYearStartMonth", fiscalYearStart);
        return fields;
    }

    private String value(String field) {
        return accounts.get(field).getValue().trim();
    }

    private static int number(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }
}
