package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.tenancy.PlatformAdministration;
import com.kontor.testsupport.BrowserTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.ui.pages.AppPage;
import com.kontor.ui.pages.DunningProcedurePage;
import com.kontor.ui.pages.LoginPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DUN-1: a new merchant's admin opens the dunning procedure (the German defaults, not saved yet), a fee above the
 * limit is refused next to the field, the preview shows the letter and email filled, and the saved fee is there
 * after a reload.
 */
class DunningProcedureBrowserTest extends BrowserTest {

    @Autowired
    PlatformAdministration platform;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminFixesARefusedFeePreviewsTheLetterAndSavesTheProcedure() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        String admin = jdbc.queryForObject(
                "select email from app_user where merchant_id = ? and email like 'admin-%'",
                String.class, merchant.id());
        AppPage app = LoginPage.open(browser, url("")).loginAs(admin, "Module-Test-Password-2026");
        app.openMenu("Administration");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.id("admin-dunning-procedure-link")))
                .click();
        app.waitForPath("/live/admin/dunning-procedure");
        DunningProcedurePage page = new DunningProcedurePage(browser, url(""));
        assertThat(page.notSavedShown()).isTrue();
        screenshot("dunning-procedure-defaults");
        assertThat(page.levelValue(2, "fee")).isEqualTo("5.00");

        page.level(2, "fee", "10000.01");
        page.save();
        assertThat(page.levelError(2, "fee")).isEqualTo("Between 0.00 and 10,000.00.");
        screenshot("dunning-procedure-refused");
        assertThat(jdbc.queryForObject(
                        "select count(*) from dunning_procedure where partition_key = ?",
                        Integer.class,
                        merchant.live().key()))
                .isZero();

        page.level(2, "fee", "7.50");
        DunningProcedurePage.Preview preview = page.preview(2, () -> screenshot("dunning-procedure-preview"));
        // the letter's own table shows the fee; its text and the email name it
        assertThat(preview.letter())
                .contains("Guten Tag Erika Mustermann")
                .contains("RE-2026-00042")
                .doesNotContain("{");
        assertThat(preview.subject()).isEqualTo("1. Mahnung zu Rechnung RE-2026-00042");
        assertThat(preview.body()).contains("Mahngebühr 7,50 €").doesNotContain("{");

        page.save();
        assertThat(page.bodyText()).contains("Dunning procedure saved.");
        assertThat(page.levelError(2, "fee")).isEmpty();

        browser.navigate().refresh();
        DunningProcedurePage reloaded = new DunningProcedurePage(browser, url(""));
        assertThat(reloaded.notSavedShown()).isFalse();
        assertThat(reloaded.levelValue(2, "fee")).isEqualTo("7.50");
        assertThat(jdbc.queryForObject(
                        "select fee from dunning_level where partition_key = ? and level = 2",
                        Long.class,
                        merchant.live().key()))
                .isEqualTo(750L);

        // the two window widths staff work at: nothing scrolls sideways (screenshots in target/widths/)
        Dimension before = browser.manage().window().getSize();
        try {
            for (int width : new int[] {1280, 1440}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                reloaded.settle();
                screenshot("dunning-procedure-" + width);
                Object sideways = browser.executeScript("const c = document.querySelector('.kontor-content');"
                        + "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
                        + " || (c != null && c.scrollWidth > c.clientWidth);");
                assertThat(sideways).as("scrolls sideways at %d px", width).isEqualTo(false);
            }
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /** For a person to look at: target/widths/<name>.png. */
    private void screenshot(String name) {
        try {
            Path dir = Path.of("target", "widths");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
