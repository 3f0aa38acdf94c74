package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.demo.DemoLogins;
import com.kontor.document.DocumentFixtures;
import com.kontor.testsupport.BrowserTest;
import com.kontor.testsupport.TestUsers;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.LetterheadPage;
import com.kontor.ui.pages.LoginPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** DOC-1: an ADMIN fills in the letterhead, a text file posing as PNG is refused next to the upload, a PNG is taken. */
class LetterheadBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminSavesTheLetterheadWithALogoAndAFakePngIsRefusedNextToTheUpload() throws IOException {
        AppPage app = LoginPage.open(browser, url("")).loginAs("admin@mueller.example", DemoLogins.PASSWORD);
        app.openMenu("Administration");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.id("admin-letterhead-link")))
                .click();
        app.waitForPath("/live/admin/letterhead");
        LetterheadPage page = new LetterheadPage(browser, url(""));

        page.fill("name", "Müller Handels GmbH")
                .fill("street", "Hauptstraße 1")
                .fill("postcode", "80331")
                .fill("city", "München")
                .country("DE – Germany")
                .fill("email", "buchhaltung@mueller.example")
                .fill("phone", "+49 89 1234567")
                .fill("bankName", "Stadtsparkasse München")
                .fill("iban", "DE89 3704 0044 0532 0130 01") // one digit off
                .fill("bic", "COBADEFFXXX")
                .fill("vatId", "DE123456789")
                .fill("registerEntry", "Amtsgericht München HRB 123456")
                .fill("invoicePrefix", "re-2026/");
        page.save();
        assertThat(page.fieldError("iban")).contains("check digits");

        Path fake = Files.createTempFile("not-an-image", ".png");
        Files.writeString(fake, "Just some text, no image at all.", StandardCharsets.UTF_8);
        page.uploadLogo(fake);
        assertThat(page.logoError()).contains("Only PNG or JPEG");

        Path png = Files.createTempFile("logo", ".png");
        Files.write(png, DocumentFixtures.logoPng());
        page.uploadLogo(png);
        assertThat(page.logoPreviewShown()).isTrue();
        assertThat(page.logoErrorShown()).isFalse();

        page.fill("iban", "DE89 3704 0044 0532 0130 00");
        page.save();
        assertThat(page.bodyText()).contains("Letterhead saved.");

        Map<String, Object> saved = jdbc.queryForMap(
                "select name, iban, country, invoice_prefix, logo_media_type, length(logo) as logo_bytes"
                        + " from merchant_letterhead where merchant_id = ?",
                new TestUsers(jdbc).merchantId(DemoLogins.MERCHANT_A));
        assertThat(saved)
                .containsEntry("name", "Müller Handels GmbH")
                .containsEntry("iban", "DE89370400440532013000")
                .containsEntry("country", "DE")
                .containsEntry("invoice_prefix", "RE-2026/")
                .containsEntry("logo_media_type", "image/png");
        assertThat(((Number) saved.get("logo_bytes")).intValue()).isEqualTo(DocumentFixtures.logoPng().length);

        // after a reload the saved letterhead and its logo are shown
        app.go("/live/admin/letterhead");
        page = new LetterheadPage(browser, url(""));
        assertThat(page.value("iban")).isEqualTo("DE89370400440532013000");
        assertThat(page.logoPreviewShown()).isTrue();
    }
}
