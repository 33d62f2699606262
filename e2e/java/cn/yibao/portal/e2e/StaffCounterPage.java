package cn.yibao.portal.e2e;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The help desk's counter page: verify a resident's code from a photo or pasted text. */
public class StaffCounterPage {

    private final WebDriver driver;

    StaffCounterPage(WebDriver driver) {
        this.driver = driver;
        Pages.waitFor(driver).until(d -> Pages.pathOf(d).startsWith("/staff"));
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
    }

    public static StaffCounterPage signIn(WebDriver driver, String portalUrl, String login) {
        driver.get(portalUrl);
        driver.findElement(By.id("signin-staff")).click();
        new SandboxIssuerLoginPage(driver).signInAs(login, "");
        return new StaffCounterPage(driver);
    }

    public StaffCounterPage upload(Path image) {
        driver.findElement(By.id("image")).sendKeys(image.toAbsolutePath().toString());
        driver.findElement(By.id("upload")).click();
        return new StaffCounterPage(driver);
    }

    /** Verifies a code read out or scanned into the text field. */
    public StaffCounterPage paste(String token) {
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("paste-verify")).click();
        return new StaffCounterPage(driver);
    }

    public String purpose() {
        return text("#result-purpose");
    }

    public String verdict() {
        return text("#verification-result .result-verdict");
    }

    public String subject() {
        return text("#result-subject");
    }

    public String status() {
        return text("#result-status");
    }

    public String error() {
        return text("#counter-error");
    }

    private String text(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).findFirst().orElse("");
    }
}
