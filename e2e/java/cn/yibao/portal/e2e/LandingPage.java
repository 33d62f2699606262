package cn.yibao.portal.e2e;

import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The public landing page ("/"). */
public class LandingPage {

    private static final By SIGN_IN = By.cssSelector("a#signin-evoucher");

    private final WebDriver driver;

    LandingPage(WebDriver driver) {
        this.driver = driver;
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(SIGN_IN));
    }

    public static LandingPage open(WebDriver driver, String url) {
        driver.get(url);
        return new LandingPage(driver);
    }

    /** The sign-in button: the national e-voucher's authorization page (the sandbox's simulator). */
    public EvoucherAuthorizationPage signInWithEvoucher() {
        driver.findElement(SIGN_IN).click();
        return new EvoucherAuthorizationPage(driver);
    }

    /** The same button when a province signs residents in through an OpenID Connect broker ({@code sign-in=oidc}). */
    public SandboxIssuerLoginPage signInThroughOidcBroker() {
        driver.findElement(SIGN_IN).click();
        return new SandboxIssuerLoginPage(driver);
    }

    /** Login names offered in the demo box; empty outside the sandbox profile. */
    public List<String> demoAccountNames() {
        return driver.findElements(By.cssSelector("#demo-accounts .demo-login")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }

    public Optional<String> flashError() {
        return driver.findElements(By.cssSelector(".flash-error")).stream()
                .findFirst()
                .map(element -> element.getText().strip());
    }
}
