package com.kontor.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The login view. */
public class LoginPage extends Page {

    public LoginPage(WebDriver browser, String baseUrl) {
        super(browser, baseUrl);
    }

    public static LoginPage open(WebDriver browser, String baseUrl) {
        browser.get(baseUrl + "/login");
        LoginPage page = new LoginPage(browser, baseUrl);
        page.visible(By.cssSelector("#login-form input[name='username']"));
        return page;
    }

    public void submit(String email, String password) {
        browser.findElement(By.cssSelector("#login-form input[name='username']"))
                .sendKeys(email);
        browser.findElement(By.cssSelector("#login-form input[name='password']"))
                .sendKeys(password);
        browser.findElement(By.cssSelector("#login-form vaadin-button[slot='submit']"))
                .click();
    }

    /** Switches the login view's language (DE, EN); the page reloads in it. */
    public LoginPage chooseLanguage(String code) {
        org.openqa.selenium.WebElement form = visible(By.id("login-form"));
        visible(By.id("language-switch")).click();
        visible(By.xpath("//vaadin-select-item[normalize-space(.)='" + code + "']"))
                .click();
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(form));
        visible(By.cssSelector("#login-form input[name='username']"));
        settle();
        return this;
    }

    /** The texts of the login form a user can read, its shadow parts included (labels, buttons, messages). */
    public String formText() {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("const walk = (n) => [n.innerText || '', ...Array.from(n.querySelectorAll('*'))"
                        + ".filter(e => e.shadowRoot).map(e => walk(e.shadowRoot))].join(' ');"
                        + "return walk(document.getElementById('login-form'))"
                        + " + ' ' + walk(document.getElementById('login-form').shadowRoot || document.body);");
    }

    public AppPage loginAs(String email, String password) {
        submit(email, password);
        AppPage app = new AppPage(browser, baseUrl);
        app.waitForLayout();
        return app;
    }

    /** Whether the login view is (or within a few seconds becomes) the page shown. */
    public boolean isShown() {
        try {
            visible(By.cssSelector("#login-form input[name='username']"));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** The error box of the login form (rendered in the form's shadow DOM). */
    public String errorMessage() {
        visible(By.cssSelector("#login-form[error]"));
        return waiting().until(d -> {
            Object text = ((JavascriptExecutor) d).executeScript("""
                    const wrapper = document.querySelector('#login-form vaadin-login-form-wrapper')
                        || document.querySelector('#login-form').shadowRoot?.querySelector('vaadin-login-form-wrapper');
                    const root = wrapper ? wrapper.shadowRoot : null;
                    const box = root ? root.querySelector('[part="error-message"]') : null;
                    return box && box.offsetParent !== null ? box.innerText : null;""");
            return text instanceof String s && !s.isBlank() ? s : null;
        });
    }
}
