package com.kontor.dunning.ui;

import com.kontor.dunning.DunningChannel;
import com.kontor.dunning.DunningLevelRule;
import com.kontor.dunning.DunningProcedure;
import com.kontor.dunning.DunningProcedureInvalid;
import com.kontor.dunning.DunningProcedures;
import com.kontor.dunning.DunningTexts;
import com.kontor.dunning.EditableProcedure;
import com.kontor.dunning.InterestRules;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.RequiresModule;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.ui.AdminTabs;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merchant's dunning procedure in the current mode (DUN-1): levels with days, fee, channel and texts per
 * language with a preview, the tolerance, release by finance or sent at once, debt collection and default
 * interest. Shows the German defaults, marked as not saved, until an admin saves a procedure.
 */
@Route(Mode.ROUTE_PREFIX + "admin/dunning-procedure")
@RolesAllowed(Role.Names.ADMIN)
@RequiresModule(BookedModule.DUNNING)
public class DunningProcedureView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DunningProcedures procedures;
    private final MerchantDirectory merchants;
    private final HorizontalLayout top = new HorizontalLayout();
    private final Span notSaved = new Span();
    private final VerticalLayout levelList = new VerticalLayout();
    private final List<LevelEditor> levels = new ArrayList<>();
    private final Button addLevel = new Button();
    private final Span levelsError = new Span();
    private final BigDecimalField tolerance = new BigDecimalField();
    private final RadioButtonGroup<Boolean> release = new RadioButtonGroup<>();
    private final Checkbox collectionEnabled = new Checkbox();
    private final IntegerField collectionDays = new IntegerField();
    private final Checkbox consumerInterest = new Checkbox();
    private final Checkbox businessInterest = new Checkbox();
    private final Checkbox businessFlatFee = new Checkbox();
    private final BigDecimalField baseRate = new BigDecimalField();
    private final BigDecimalField consumerSurcharge = new BigDecimalField();
    private final BigDecimalField businessSurcharge = new BigDecimalField();
    private final BigDecimalField flatFee = new BigDecimalField();
    private Currency currency = Currency.getInstance("EUR");
    private long version = -1;

    public DunningProcedureView(DunningProcedures procedures, MerchantDirectory merchants) {
        this.procedures = procedures;
        this.merchants = merchants;
        setMaxWidth("72em");

        notSaved.setId("dunning-not-saved");
        notSaved.setText(getTranslation("dunning.procedure.notSaved"));
        notSaved.getElement().getThemeList().add("badge contrast");

        levelList.setPadding(false);
        levelList.setId("dunning-levels");
        levelsError.setId("dunning-levels-error");
        levelsError.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        levelsError.setVisible(false);
        addLevel.setText(getTranslation("dunning.procedure.addLevel"));
        addLevel.setId("dunning-add-level");
        addLevel.addClickListener(e -> addLevel());
        Span placeholders = new Span(
                getTranslation("dunning.procedure.placeholders") + " " + String.join(" ", DunningTexts.PLACEHOLDERS));
        placeholders.setId("dunning-placeholders");
        placeholders
                .getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");

        tolerance.setLabel(getTranslation("dunning.procedure.tolerance"));
        tolerance.setHelperText(getTranslation("dunning.procedure.toleranceHelp"));
        tolerance.setId("dunning-tolerance");
        release.setLabel(getTranslation("dunning.procedure.release"));
        release.setId("dunning-release");
        release.setItems(true, false);
        release.setItemLabelGenerator(
                b -> getTranslation(b ? "dunning.procedure.releaseByFinance" : "dunning.procedure.sendAtOnce"));
        collectionEnabled.setLabel(getTranslation("dunning.procedure.collectionEnabled"));
        collectionEnabled.setId("dunning-collection-enabled");
        collectionDays.setLabel(getTranslation("dunning.procedure.collectionDays"));
        collectionDays.setId("dunning-collection-days");
        collectionDays.setMin(1);
        collectionDays.setMax(DunningProcedures.MAX_DAYS);
        collectionEnabled.addValueChangeListener(e -> collectionDays.setEnabled(e.getValue()));

        consumerInterest.setLabel(getTranslation("dunning.procedure.consumerInterest"));
        consumerInterest.setId("dunning-consumer-interest");
        businessInterest.setLabel(getTranslation("dunning.procedure.businessInterest"));
        businessInterest.setId("dunning-business-interest");
        businessFlatFee.setLabel(getTranslation("dunning.procedure.businessFlatFee"));
        businessFlatFee.setId("dunning-business-flat-fee");
        baseRate.setLabel(getTranslation("dunning.procedure.baseRate"));
        baseRate.setId("dunning-base-rate");
        baseRate.setSuffixComponent(new Span("%"));
        consumerSurcharge.setLabel(getTranslation("dunning.procedure.consumerSurcharge"));
        consumerSurcharge.setId("dunning-consumer-surcharge");
        consumerSurcharge.setSuffixComponent(new Span(getTranslation("dunning.procedure.points")));
        businessSurcharge.setLabel(getTranslation("dunning.procedure.businessSurcharge"));
        businessSurcharge.setId("dunning-business-surcharge");
        businessSurcharge.setSuffixComponent(new Span(getTranslation("dunning.procedure.points")));
        flatFee.setLabel(getTranslation("dunning.procedure.flatFee"));
        flatFee.setId("dunning-flat-fee");

        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("save-dunning-procedure");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> save.setEnabled(true));

        FormLayout general = new FormLayout(tolerance, release, collectionEnabled, collectionDays);
        FormLayout interest = new FormLayout(
                consumerInterest,
                businessInterest,
                businessFlatFee,
                baseRate,
                consumerSurcharge,
                businessSurcharge,
                flatFee);
        for (FormLayout f : new FormLayout[] {general, interest}) {
            f.setMaxWidth("60em");
            f.setResponsiveSteps(
                    new FormLayout.ResponsiveStep("0", 1),
                    new FormLayout.ResponsiveStep("30em", 2),
                    new FormLayout.ResponsiveStep("50em", 3));
        }
        top.setAlignItems(Alignment.BASELINE);
        top.add(new H2(getTranslation("nav.administration")));
        add(
                top,
                notSaved,
                new H3(getTranslation("dunning.procedure.levels")),
                placeholders,
                levelsError,
                levelList,
                addLevel,
                new H3(getTranslation("dunning.procedure.general")),
                general,
                new H3(getTranslation("dunning.procedure.interest")),
                interest,
                save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        top.getChildren().filter(AdminTabs.class::isInstance).findFirst().ifPresent(top::remove);
        top.add(new AdminTabs(event.getRouteParameters().get("mode").orElse("live")));
        load();
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("admin.dunningProcedure");
    }

    private void load() {
        EditableProcedure editable = procedures.editable();
        DunningProcedure p = editable.procedure();
        version = editable.version();
        currency = Currency.getInstance(p.currency());
        notSaved.setVisible(!editable.saved());
        levels.clear();
        levelList.removeAll();
        for (DunningLevelRule rule : p.levels()) {
            addEditor(rule);
        }
        tolerance.setValue(Amounts.major(p.tolerance(), currency));
        tolerance.setSuffixComponent(new Span(currency.getCurrencyCode()));
        release.setValue(p.releaseByFinance());
        collectionEnabled.setValue(p.collectionEnabled());
        collectionDays.setValue(p.collectionDays());
        collectionDays.setEnabled(p.collectionEnabled());
        InterestRules i = p.interest();
        consumerInterest.setValue(i.consumerInterest());
        businessInterest.setValue(i.businessInterest());
        businessFlatFee.setValue(i.businessFlatFee());
        baseRate.setValue(Amounts.percent(i.baseRateBasisPoints()));
        consumerSurcharge.setValue(Amounts.percent(i.consumerSurchargeBasisPoints()));
        businessSurcharge.setValue(Amounts.percent(i.businessSurchargeBasisPoints()));
        flatFee.setValue(Amounts.major(i.businessFlatFeeAmount(), currency));
        flatFee.setSuffixComponent(new Span(currency.getCurrencyCode()));
        clearErrors();
    }

    private void addEditor(DunningLevelRule rule) {
        LevelEditor editor = new LevelEditor(rule, currency, this::preview, this::removeLast);
        levels.add(editor);
        levelList.add(editor);
        refreshLevelButtons();
    }

    private void addLevel() {
        if (levels.size() >= DunningProcedures.MAX_LEVELS) {
            return;
        }
        // the new level starts as a copy of the last one: valid at once, and its texts are a start to edit
        DunningLevelRule last = levels.getLast().rule(new LinkedHashMap<>());
        addEditor(new DunningLevelRule(levels.size() + 1, 14, last.fee(), last.channel(), last.texts()));
    }

    private void removeLast() {
        if (levels.size() > 1) {
            levelList.remove(levels.removeLast());
            refreshLevelButtons();
        }
    }

    private void refreshLevelButtons() {
        addLevel.setEnabled(levels.size() < DunningProcedures.MAX_LEVELS);
        for (int i = 0; i < levels.size(); i++) {
            levels.get(i).setRemovable(i == levels.size() - 1 && levels.size() > 1);
        }
    }

    private void preview(LevelEditor editor) {
        Map<String, String> ignored = new LinkedHashMap<>();
        DunningLevelRule rule = editor.rule(ignored);
        String language = editor.selectedLanguage();
        InterestRules interest = interestRules(new LinkedHashMap<>());
        String merchant = merchants.current().map(m -> m.name()).orElse("");
        new PreviewDialog(rule, language, currency, interest, merchant).open();
    }

    private void save() {
        clearErrors();
        Map<String, String> local = new LinkedHashMap<>();
        DunningProcedure procedure = procedure(local);
        Map<String, String> errors = new LinkedHashMap<>(local);
        if (!local.isEmpty()) {
            DunningProcedures.validate(procedure).forEach(errors::putIfAbsent);
            showErrors(errors);
            return;
        }
        try {
            procedures.save(procedure, version);
            load();
            Notification n = Notification.show(
                    getTranslation("dunning.procedure.saved"), 3000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (DunningProcedureInvalid invalid) {
            showErrors(invalid.errors());
        } catch (OperationRefused refused) {
            Notification n = Notification.show(
                    getTranslation(refused.messageKey(), refused.arguments()), 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private DunningProcedure procedure(Map<String, String> errors) {
        List<DunningLevelRule> rules = new ArrayList<>();
        for (LevelEditor editor : levels) {
            rules.add(editor.rule(errors));
        }
        return new DunningProcedure(
                rules,
                collectionEnabled.getValue(),
                collectionDays.getValue() == null ? 0 : collectionDays.getValue(),
                Amounts.minor(tolerance.getValue(), currency, "tolerance", errors),
                Boolean.TRUE.equals(release.getValue()),
                interestRules(errors),
                currency.getCurrencyCode());
    }

    private InterestRules interestRules(Map<String, String> errors) {
        return new InterestRules(
                consumerInterest.getValue(),
                businessInterest.getValue(),
                businessFlatFee.getValue(),
                Amounts.basisPoints(baseRate.getValue(), "interest.baseRate", errors),
                Amounts.basisPoints(consumerSurcharge.getValue(), "interest.consumerSurcharge", errors),
                Amounts.basisPoints(businessSurcharge.getValue(), "interest.businessSurcharge", errors),
                Amounts.minor(flatFee.getValue(), currency, "interest.flatFee", errors));
    }

    /** The fields by the names of the service's refusals, in the order the page shows them. */
    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        for (LevelEditor editor : levels) {
            fields.putAll(editor.fields());
        }
        fields.put("tolerance", tolerance);
        fields.put("collectionDays", collectionDays);
        fields.put("interest.baseRate", baseRate);
        fields.put("interest.consumerSurcharge", consumerSurcharge);
        fields.put("interest.businessSurcharge", businessSurcharge);
        fields.put("interest.flatFee", flatFee);
        return fields;
    }

    private void showErrors(Map<String, String> errors) {
        Map<String, HasValidation> fields = fields();
        List<String> unplaced = new ArrayList<>();
        List<Component> marked = new ArrayList<>();
        errors.forEach((field, key) -> {
            HasValidation target = fields.get(field);
            if (target != null) {
                target.setErrorMessage(getTranslation(key));
                target.setInvalid(true);
                marked.add((Component) target);
            } else if ("levels".equals(field)) {
                levelsError.setText(getTranslation(key));
                levelsError.setVisible(true);
                marked.add(levelsError);
            } else {
                unplaced.add(getTranslation(key));
            }
        });
        for (LevelEditor editor : levels) {
            editor.showTabWithError(errors.keySet());
        }
        // the save button is at the end of a long page: bring the first marked field into view
        fields.values().stream()
                .map(Component.class::cast)
                .filter(marked::contains)
                .findFirst()
                .or(() -> marked.stream().findFirst())
                .ifPresent(c -> c.getElement().executeJs("this.scrollIntoView({block: 'center'})"));
        String message = getTranslation("dunning.procedure.invalid")
                + (unplaced.isEmpty() ? "" : " " + String.join(" ", unplaced));
        // at the top: the save button at the bottom stays free for the next try
        Notification n = Notification.show(message, 5000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void clearErrors() {
        for (HasValidation field : fields().values()) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        levelsError.setVisible(false);
    }

    /** Converts what the admin typed; a value that cannot be converted is named in {@code errors}. */
    static final class Amounts {

        private Amounts() {}

        static BigDecimal major(long minor, Currency currency) {
            return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
        }

        static BigDecimal percent(int basisPoints) {
            return BigDecimal.valueOf(basisPoints, 2);
        }

        /** Minor units, or -1 with an error when empty or with more decimals than the currency has. */
        static long minor(BigDecimal value, Currency currency, String field, Map<String, String> errors) {
            if (value == null) {
                errors.putIfAbsent(field, "dunning.invalid.required");
                return -1;
            }
            BigDecimal minor = value.movePointRight(currency.getDefaultFractionDigits());
            if (minor.stripTrailingZeros().scale() > 0) {
                errors.putIfAbsent(field, "money.tooManyDecimals");
                return -1;
            }
            // far beyond every limit: the limit's own message says what is allowed
            return minor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0 ? Long.MAX_VALUE / 2 : minor.longValue();
        }

        /** Basis points of a percentage with at most two decimals (1.27 % is 127). */
        static int basisPoints(BigDecimal percent, String field, Map<String, String> errors) {
            if (percent == null) {
                errors.putIfAbsent(field, "dunning.invalid.required");
                return Integer.MIN_VALUE;
            }
            BigDecimal bp = percent.movePointRight(2);
            if (bp.stripTrailingZeros().scale() > 0) {
                errors.putIfAbsent(field, "dunning.invalid.rateDecimals");
                return Integer.MIN_VALUE;
            }
            return bp.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0
                    ? (bp.signum() > 0 ? 1_000_000 : -1_000_000)
                    : bp.intValue();
        }
    }

    /** Labels of the channels. */
    static String channelKey(DunningChannel channel) {
        return "dunning.channel." + channel.name();
    }
}
