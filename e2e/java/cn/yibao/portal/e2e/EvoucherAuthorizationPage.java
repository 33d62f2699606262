package cn.yibao.portal.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The national e-voucher authorization page as the sandbox's simulator shows it (its own origin, under /mip/): one
 * button per demo resident, 亲情 family authorisations, and a cancel button.
 */
public class EvoucherAuthorizationPage {

    private static final By CANCEL = By.cssSelector("button#mip-cancel");

    private final WebDriver driver;

    EvoucherAuthorizationPage(WebDriver driver) {
        this.driver = driver;
        Pages.waitFor(driver)
                .withMessage(() -> "expected the e-voucher authorization page but the browser is at " + driver.getCurrentUrl())
                .until(ExpectedConditions.visibilityOfElementLocated(CANCEL));
    }

    /** Authorises as a demo resident and expects to land on the portal's home page. */
    public HomePage signInAs(String login) {
        authorizeOnly(login);
        return new HomePage(driver);
    }

    /**
     * Authorises as a made-up person typed into the simulator's test box (claims JSON as {@code FreshResidents}
     * makes them; the login only names the caller's intent); where the browser lands is for the caller to check.
     */
    public void signInAs(String login, String claimsJson) {
        driver.findElement(By.cssSelector("details summary")).click();
        WebElement person = driver.findElement(By.id("mip-person"));
        person.clear();
        person.sendKeys(claimsJson);
        driver.findElement(By.id("mip-person-submit")).click();
    }

    /** Authorises as a demo login; where the browser lands is for the caller to check. */
    public void authorizeOnly(String login) {
        driver.findElement(By.id("mip-self-" + login)).click();
    }

    /** A family account (亲情账户) holder authorises for a member of the household (by psn_no). */
    public HomePage authorizeForFamily(String holderLogin, String memberPsnNo) {
        driver.findElement(By.id("mip-family-" + holderLogin + "-" + memberPsnNo)).click();
        return new HomePage(driver);
    }

    public LandingPage cancel() {
        driver.findElement(CANCEL).click();
        return new LandingPage(driver);
    }
}
