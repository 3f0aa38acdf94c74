package com.kontor.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.testsupport.TestUsers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** DOC-1: the letterhead falls back to master data, only an ADMIN saves it, audited; bad values refused on the field. */
@IntegrationTest
class LetterheadServiceTest {

    @Autowired
    LetterheadService letterheads;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void withoutASavedOneTheLetterheadIsTheMasterDataThenTheAdminsSavedOneAudited() throws IOException {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        String admin = adminOf(merchant);
        TestUsers users = new TestUsers(jdbc);

        Letterhead fallback = users.as(admin, () -> letterheads.current());
        assertThat(fallback.name()).startsWith("Module test ");
        assertThat(fallback.defaultLanguage()).isEqualTo(Locale.GERMAN);
        assertThat(fallback.invoicePrefix()).isEqualTo("RE-");
        assertThat(fallback.hasLogo()).isFalse();

        LetterheadForm form = users.as(admin, () -> letterheads.form());
        assertThat(form.getVersion()).isEqualTo(-1);
        fill(form);
        byte[] logo = png(400, 120);
        form.setLogo(logo, users.as(admin, () -> letterheads.checkLogo(logo)));
        users.as(admin, () -> letterheads.save(form));

        Letterhead saved = users.as(admin, () -> letterheads.current());
        assertThat(saved.iban()).isEqualTo("DE89370400440532013000");
        assertThat(saved.vatId()).isEqualTo("DE123456789");
        assertThat(saved.registerEntry()).isEqualTo("Amtsgericht München HRB 123456");
        assertThat(saved.defaultLanguage()).isEqualTo(Locale.ENGLISH);
        assertThat(saved.defaultVatPercent()).isEqualByComparingTo("7");
        assertThat(saved.creditNotePrefix()).isEqualTo("GS/");
        assertThat(saved.logo()).isEqualTo(logo);
        assertThat(saved.logoMediaType()).isEqualTo("image/png");
        String details = jdbc.queryForObject(
                "select details from audit_event where event_type = 'LETTERHEAD_CHANGED' and merchant_id = ?"
                        + " order by id desc limit 1",
                String.class,
                merchant.id());
        assertThat(details)
                .contains("\"iban\":{\"old\":\"\",\"new\":\"DE89370400440532013000\"}")
                .contains("\"logo\":{\"old\":\"none\",\"new\":\"image/png, " + logo.length + " bytes\"}");

        // the form read before the save is stale now: refused, nothing overwritten
        form.setCity("Hamburg");
        assertThatThrownBy(() -> users.as(admin, () -> letterheads.save(form)))
                .isInstanceOfSatisfying(
                        OperationRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("letterhead.changedMeanwhile"));
        assertThat(users.as(admin, () -> letterheads.current()).city()).isEqualTo("München");
    }

    @Test
    void onlyAnAdminSavesOrEditsTheLetterheadButEveryoneOfTheMerchantReadsIt() {
        TestUsers users = new TestUsers(jdbc);
        long mueller = users.merchantId("Müller Handels GmbH");
        Integer before = jdbc.queryForObject(
                "select count(*) from audit_event where event_type = 'LETTERHEAD_CHANGED' and merchant_id = ?",
                Integer.class,
                mueller);
        LetterheadForm form = new LetterheadForm();
        fill(form);

        assertThatThrownBy(() -> users.as("finance@mueller.example", () -> letterheads.save(form)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.as("support@mueller.example", () -> letterheads.form()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.as("finance@mueller.example", () -> letterheads.current())
                        .name())
                .isNotBlank();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'LETTERHEAD_CHANGED' and merchant_id = ?",
                        Integer.class,
                        mueller))
                .isEqualTo(before);
    }

    @Test
    void badValuesAndLogosAreRefusedOnTheirField() throws IOException {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        String admin = adminOf(merchant);
        TestUsers users = new TestUsers(jdbc);
        LetterheadForm form = users.as(admin, () -> letterheads.form());
        fill(form);

        form.setIban("DE89 3704 0044 0532 0130 01");
        assertRefused(users, admin, form, "iban", "iban.checkDigit");
        form.setIban("DE89370400440532013000");
        form.setPostcode("8033");
        assertRefused(users, admin, form, "postcode", "edit.invalid.postcode");
        form.setPostcode("80331");
        form.setVatId("DE12345");
        assertRefused(users, admin, form, "vatId", "edit.invalid.vatId");
        form.setVatId("DE123456789");
        String creditNotes = form.getCreditNotePrefix();
        form.setCreditNotePrefix(form.getInvoicePrefix());
        assertRefused(users, admin, form, "creditNotePrefix", "letterhead.samePrefix");
        form.setCreditNotePrefix(creditNotes);

        byte[] text = "Just some text, no image at all.".getBytes(StandardCharsets.UTF_8);
        assertLogoRefused(users, admin, text, "letterhead.logo.type");
        assertLogoRefused(users, admin, png(2001, 10), "letterhead.logo.pixels");
        byte[] truncated = png(300, 300);
        assertLogoRefused(users, admin, java.util.Arrays.copyOf(truncated, 60), "letterhead.logo.broken");
        byte[] huge = java.util.Arrays.copyOf(png(10, 10), 600 * 1024);
        assertLogoRefused(users, admin, huge, "letterhead.logo.tooLarge");

        assertThat(jdbc.queryForObject(
                        "select count(*) from merchant_letterhead where merchant_id = ?", Integer.class, merchant.id()))
                .isZero();
    }

    private void assertRefused(TestUsers users, String admin, LetterheadForm form, String field, String key) {
        assertThatThrownBy(() -> users.as(admin, () -> letterheads.save(form)))
                .isInstanceOfSatisfying(OperationRefused.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.messageKey()).isEqualTo(key);
                });
    }

    private void assertLogoRefused(TestUsers users, String admin, byte[] logo, String key) {
        assertThatThrownBy(() -> users.as(admin, () -> letterheads.checkLogo(logo)))
                .isInstanceOfSatisfying(OperationRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("logo");
                    assertThat(e.messageKey()).isEqualTo(key);
                });
    }

    private String adminOf(TestMerchant merchant) {
        return jdbc.queryForObject(
                "select email from app_user where merchant_id = ? and email like 'admin-%'",
                String.class, merchant.id());
    }

    private static void fill(LetterheadForm form) {
        form.setName("Müller Handels GmbH");
        form.setStreet("Hauptstraße 1");
        form.setPostcode("80331");
        form.setCity("München");
        form.setCountry("de");
        form.setEmail("buchhaltung@mueller.example");
        form.setPhone("+49 89 1234567");
        form.setBankName("Stadtsparkasse München");
        form.setIban("de89 3704 0044 0532 0130 00");
        form.setBic("COBADEFFXXX");
        form.setVatId("DE 123 456 789");
        form.setRegisterEntry("Amtsgericht München HRB 123456");
        form.setDefaultLanguage("en");
        form.setDefaultVatPercent(new BigDecimal("7.00"));
        form.setInvoicePrefix("RE-");
        form.setCreditNotePrefix("GS/");
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
