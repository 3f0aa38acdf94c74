package com.kontor.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Payment providers (PSP-5): per portal the PAYONE portal id and key, the Adyen account and HMAC key. */
public class ProvidersPage extends AppPage {

    public ProvidersPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        present(By.cssSelector("[id^='payone-portal-']"));
        settle();
    }

    public static ProvidersPage open(AppPage app, String mode) {
        app.go("/" + mode + "/admin/providers");
        return new ProvidersPage(app.browser, app.baseUrl);
    }

    public String payonePortalId(String portal) {
        return field(portal, "payone-portal-")
                .findElement(By.cssSelector("input"))
                .getDomProperty("value");
    }

    public ProvidersPage setAdyenAccount(String portal, String account) {
        WebElement input = field(portal, "adyen-account-").findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(account);
        field(portal, "save-adyen-").click();
        settle();
        return this;
    }

    public ProvidersPage rotateAdyenKey(String portal, String hexKey) {
        WebElement input = field(portal, "adyen-key-").findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(hexKey);
        field(portal, "rotate-adyen-").click();
        settle();
        return this;
    }

    /** The refusal beside the portal's new HMAC key, or null when there is none. */
    public String adyenKeyRefusal(String portal) {
        WebElement field = field(portal, "adyen-key-");
        return field.getDomAttribute("invalid") == null ? null : field.getText();
    }

    /** A portal's field, found under the portal's heading by the start of its id. */
    private WebElement field(String portal, String idPrefix) {
        return visible(By.xpath("//h3[normalize-space(.)='" + portal + "']/following-sibling::*"
                + "//*[starts-with(@id, '" + idPrefix + "')]"));
    }
}
