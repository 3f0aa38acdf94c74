package com.kontor.tenancy.ui;

import com.kontor.tenancy.AddressRules;
import com.kontor.tenancy.LetterheadForm;
import com.kontor.tenancy.LetterheadService;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Role;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValueAndElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The merchant's letterhead (DOC-1): address, contact, bank details, VAT id, register entry, logo, document defaults. */
@Route(Mode.ROUTE_PREFIX + "admin/letterhead")
@RolesAllowed(Role.Names.ADMIN)
public class LetterheadView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int LOGO_KB = 512;
    private static final long UPLOAD_CUT_OFF = 1024 * 1024;

    private final LetterheadService letterheadService;
    private final BeanValidationBinder<LetterheadForm> binder = new BeanValidationBinder<>(LetterheadForm.class);
    private final HorizontalLayout top = new HorizontalLayout();
    private final Div logoPreview = new Div();
    private final Span logoError = new Span();
    private final Button removeLogo = new Button();
    private final Upload upload;
    private UI ui;

    public LetterheadView(LetterheadService letterheadService) {
        this.letterheadService = letterheadService;
        TextField name = text("name", 100);
        TextField street = text("street", 100);
        TextField postcode = text("postcode", 10);
        TextField city = text("city", 100);
        ComboBox<String> country = new ComboBox<>(getTranslation("letterhead.country"));
        country.setId("letterhead-country");
        country.setItems(new TreeSet<>(AddressRules.COUNTRIES));
        country.setItemLabelGenerator(c -> c + " – " + Locale.of("", c).getDisplayCountry(getLocale()));
        EmailField email = new EmailField(getTranslation("letterhead.email"));
        email.setId("letterhead-email");
        TextField phone = text("phone", 30);
        TextField website = text("website", 200);
        TextField bankName = text("bankName", 100);
        TextField iban = text("iban", 50);
        TextField bic = text("bic", 11);
        TextField vatId = text("vatId", 20);
        TextField registerEntry = text("registerEntry", 200);
        registerEntry.setPlaceholder("Amtsgericht München HRB 123456");
        TextField managingDirectors = text("managingDirectors", 200);
        Select<String> language = new Select<>();
        language.setLabel(getTranslation("letterhead.defaultLanguage"));
        language.setId("letterhead-defaultLanguage");
        language.setItems("de", "en");
        language.setItemLabelGenerator(l -> Locale.of(l).getDisplayLanguage(getLocale()));
        BigDecimalField vat = new BigDecimalField(getTranslation("letterhead.defaultVatPercent"));
        vat.setId("letterhead-defaultVatPercent");
        vat.setSuffixComponent(new Span("%"));
        TextField invoicePrefix = text("invoicePrefix", 10);
        TextField creditNotePrefix = text("creditNotePrefix", 10);
        for (HasValueAndElement<?, ?> required : List.of(
                name,
                street,
                postcode,
                city,
                country,
                email,
                phone,
                bankName,
                iban,
                bic,
                vatId,
                registerEntry,
                language,
                invoicePrefix,
                creditNotePrefix)) {
            required.setRequiredIndicatorVisible(true);
        }
        for (TextField prefix : new TextField[] {invoicePrefix, creditNotePrefix}) {
            prefix.setHelperText(getTranslation("letterhead.prefixHelp"));
        }

        binder.forField(name).bind("name");
        binder.forField(street).bind("street");
        binder.forField(postcode).bind("postcode");
        binder.forField(city).bind("city");
        binder.forField(country).bind("country");
        binder.forField(email).bind("email");
        binder.forField(phone).bind("phone");
        binder.forField(website).bind("website");
        binder.forField(bankName).bind("bankName");
        binder.forField(iban).bind("iban");
        binder.forField(bic).bind("bic");
        binder.forField(vatId).bind("vatId");
        binder.forField(registerEntry).bind("registerEntry");
        binder.forField(managingDirectors).bind("managingDirectors");
        binder.forField(language).bind("defaultLanguage");
        binder.forField(vat).bind("defaultVatPercent");
        binder.forField(invoicePrefix)
                .withConverter(v -> v == null ? null : v.trim().toUpperCase(Locale.ROOT), v -> v)
                .bind("invoicePrefix");
        binder.forField(creditNotePrefix)
                .withConverter(v -> v == null ? null : v.trim().toUpperCase(Locale.ROOT), v -> v)
                .bind("creditNotePrefix");

        // a client that ignores the browser's 512 KB limit is cut off at 1 MB, before its file fills the memory
        upload = new Upload(
                new InMemoryUploadHandler((meta, bytes) -> {
                    // runs outside the session lock, on the upload's request
                    if (ui != null) {
                        ui.access(() -> logoUploaded(bytes));
                    }
                }) {
                    @Override
                    public long getFileSizeMax() {
                        return UPLOAD_CUT_OFF;
                    }

                    @Override
                    public long getRequestSizeMax() {
                        return UPLOAD_CUT_OFF + 64 * 1024;
                    }
                });
        upload.setId("letterhead-logo-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setMaxFileSize(LOGO_KB * 1024); // the browser does not send bigger files; the server checks again
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(getTranslation("letterhead.logo.choose"))
                        .setMany(getTranslation("letterhead.logo.choose")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(getTranslation("letterhead.logo.drop"))
                        .setMany(getTranslation("letterhead.logo.drop")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(getTranslation("letterhead.logo.tooMany"))
                        .setFileIsTooBig(getTranslation("letterhead.logo.tooLarge", LOGO_KB))
                        .setIncorrectFileType(getTranslation("letterhead.logo.type"))));
        upload.addFileRejectedListener(e -> showLogoError(e.getErrorMessage()));
        logoError.setId("letterhead-logo-error");
        logoError.addClassName("kontor-field-error");
        logoError.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        logoError.setVisible(false);
        logoPreview.setId("letterhead-logo-preview");
        removeLogo.setText(getTranslation("letterhead.logo.remove"));
        removeLogo.setId("letterhead-logo-remove");
        removeLogo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        removeLogo.addClickListener(e -> {
            binder.getBean().setLogo(null, null);
            showLogo();
        });
        Span logoHelp = new Span(getTranslation("letterhead.logo.help"));
        logoHelp.getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        Span logoLabel = new Span(getTranslation("letterhead.logo"));
        logoLabel
                .getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "500");
        VerticalLayout logo = new VerticalLayout(
                logoLabel, new HorizontalLayout(logoPreview, removeLogo), upload, logoError, logoHelp);
        logo.setPadding(false);
        logo.setSpacing(false);
        logo.setId("letterhead-logo");

        FieldErrors errors = new FieldErrors(this);
        bindErrors(errors, "name", name);
        bindErrors(errors, "street", street);
        bindErrors(errors, "postcode", postcode);
        bindErrors(errors, "city", city);
        bindErrors(errors, "country", country);
        bindErrors(errors, "email", email);
        bindErrors(errors, "phone", phone);
        bindErrors(errors, "website", website);
        bindErrors(errors, "bankName", bankName);
        bindErrors(errors, "iban", iban);
        bindErrors(errors, "bic", bic);
        bindErrors(errors, "vatId", vatId);
        bindErrors(errors, "registerEntry", registerEntry);
        bindErrors(errors, "managingDirectors", managingDirectors);
        bindErrors(errors, "defaultLanguage", language);
        bindErrors(errors, "defaultVatPercent", vat);
        bindErrors(errors, "invoicePrefix", invoicePrefix);
        bindErrors(errors, "creditNotePrefix", creditNotePrefix);

        Button save = new Button(getTranslation("common.save"), e -> {
            if (binder.validate().isOk()) {
                try {
                    letterheadService.save(binder.getBean());
                    load();
                    FieldErrors.success(this, "letterhead.saved");
                } catch (OperationRefused refused) {
                    if ("logo".equals(refused.field())) {
                        showLogoError(getTranslation(refused.messageKey(), refused.arguments()));
                    } else {
                        errors.show(refused);
                    }
                }
            }
        });
        save.setId("save-letterhead");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> save.setEnabled(true));

        FormLayout address = new FormLayout(name, street, postcode, city, country, email, phone, website);
        FormLayout bank = new FormLayout(bankName, iban, bic, vatId, registerEntry, managingDirectors);
        FormLayout documents = new FormLayout(language, vat, invoicePrefix, creditNotePrefix);
        for (FormLayout f : new FormLayout[] {address, bank, documents}) {
            f.setMaxWidth("48em");
            f.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        }
        top.setAlignItems(Alignment.BASELINE);
        top.add(new H2(getTranslation("nav.administration")));
        add(
                top,
                new H3(getTranslation("letterhead.section.address")),
                address,
                new H3(getTranslation("letterhead.section.bank")),
                bank,
                new H3(getTranslation("letterhead.section.documents")),
                documents,
                logo,
                save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ui = event.getUI();
        top.getChildren().filter(AdminTabs.class::isInstance).findFirst().ifPresent(top::remove);
        top.add(new AdminTabs(event.getRouteParameters().get("mode").orElse("live")));
        load();
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("admin.letterhead");
    }

    private void load() {
        binder.setBean(letterheadService.form());
        hideLogoError();
        showLogo();
    }

    private void logoUploaded(byte[] bytes) {
        upload.clearFileList();
        try {
            String mediaType = letterheadService.checkLogo(bytes);
            binder.getBean().setLogo(bytes, mediaType);
            hideLogoError();
            showLogo();
        } catch (OperationRefused refused) {
            showLogoError(getTranslation(refused.messageKey(), refused.arguments()));
        }
    }

    private void showLogo() {
        logoPreview.removeAll();
        LetterheadForm form = binder.getBean();
        if (form != null && form.getLogo() != null) {
            byte[] bytes = form.getLogo();
            String mediaType = form.getLogoMediaType();
            String fileName = "image/png".equals(mediaType) ? "logo.png" : "logo.jpg";
            Image image = new Image(
                    DownloadHandler.fromInputStream(event ->
                            new DownloadResponse(new ByteArrayInputStream(bytes), fileName, mediaType, bytes.length)),
                    getTranslation("letterhead.logo"));
            image.setId("letterhead-logo-image");
            image.setMaxHeight("80px");
            image.setMaxWidth("240px");
            logoPreview.add(image);
            removeLogo.setVisible(true);
        } else {
            Span none = new Span(getTranslation("letterhead.logo.none"));
            none.setId("letterhead-logo-none");
            logoPreview.add(none);
            removeLogo.setVisible(false);
        }
    }

    private void showLogoError(String message) {
        logoError.setText(message);
        logoError.setVisible(true);
    }

    private void hideLogoError() {
        logoError.setText("");
        logoError.setVisible(false);
    }

    private TextField text(String property, int maxLength) {
        TextField field = new TextField(getTranslation("letterhead." + property));
        field.setId("letterhead-" + property);
        field.setMaxLength(maxLength);
        return field;
    }

    private static void bindErrors(FieldErrors errors, String name, HasValidation field) {
        errors.field(name, field);
    }
}
