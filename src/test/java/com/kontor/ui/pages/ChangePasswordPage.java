package com.kontor.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The forced password change at the first login. */
public class ChangePasswordPage extends Page {

    public ChangePasswordPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
        visible(By.id("new-password"));
    }

    public AppPage change(String current, String next) {
        type(By.id("current-password"), current);
        type(By.id("new-password"), next);
        type(By.id("repeat-password"), next);
        visible(By.id("save-password")).click();
        AppPage app = new AppPage(browser, baseUrl);
        app.waitForLayout();
        return app;
    }
}
