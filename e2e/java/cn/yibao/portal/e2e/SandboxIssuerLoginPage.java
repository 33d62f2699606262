package cn.yibao.portal.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The sandbox e-voucher issuer's sign-in form, served from its own origin (127.0.0.1:&lt;issuer port&gt;). */
public class SandboxIssuerLoginPage {

    private static final By USERNAME = By.cssSelector("input#username");
    private static final By CLAIMS = By.cssSelector("textarea#claims");
    private static final By SIGN_IN = By.cssSelector("button#signin");

    private final WebDriver driver;

    SandboxIssuerLoginPage(WebDriver driver) {
        this.driver = driver;
        Pages.waitFor(driver)
                .withMessage(() -> "expected the sandbox issuer sign-in form but the browser is at " + driver.getCurrentUrl())
                .until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
    }

    /** Signs in as a demo resident and expects to land on the portal's home page. */
    public HomePage signInAs(String login) {
        typeInto(USERNAME, login);
        driver.findElement(SIGN_IN).click();
        return new HomePage(driver);
    }

    /** Signs in with claims overriding the demo ones; where the browser lands is for the caller to check. */
    public void signInAs(String login, String claimsJson) {
        typeInto(USERNAME, login);
        typeInto(CLAIMS, claimsJson);
        driver.findElement(SIGN_IN).click();
    }

    private void typeInto(By locator, String text) {
        WebElement field = driver.findElement(locator);
        field.clear();
        field.sendKeys(text);
    }
}
