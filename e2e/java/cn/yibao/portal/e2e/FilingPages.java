package cn.yibao.portal.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The 异地备案 pages, step by step, as a resident goes through them. */
public class FilingPages {

    private final WebDriver driver;

    FilingPages(WebDriver driver) {
        this.driver = driver;
    }

    public static FilingPages openFromHome(WebDriver driver) {
        driver.findElement(By.id("tile-filing")).click();
        Pages.waitForPath(driver, "/filing");
        return new FilingPages(driver);
    }

    /** From the list: choose a type for oneself and fill the first step. */
    public FilingPages fileForSelf(String typeCode, String destinationLabel, String reason) {
        driver.findElement(By.id("new-filing")).click();
        Pages.waitForPath(driver, "/filing/new");
        driver.findElement(By.cssSelector("#type-" + typeCode + " a.choose-type")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));
        chooseDestination(destinationLabel);
        driver.findElement(By.id("reason")).sendKeys(reason);
        driver.findElement(By.id("to-summary")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-form")));
        return this;
    }

    /** "福建省 福州市": the province, then its city; "北京市": a municipality is its own only city. */
    public FilingPages chooseDestination(String destinationLabel) {
        String[] parts = destinationLabel.split(" ", 2);
        new Select(driver.findElement(By.id("province"))).selectByVisibleText(parts[0]);
        new Select(driver.findElement(By.id("destination"))).selectByVisibleText(parts.length > 1 ? parts[1] : parts[0]);
        return this;
    }

    /** The cities the city list offers now. */
    public java.util.List<String> citiesOffered() {
        return new Select(driver.findElement(By.id("destination"))).getOptions().stream()
                .filter(option -> !option.getAttribute("value").isEmpty())
                .map(org.openqa.selenium.WebElement::getText).toList();
    }

    public String summaryDestination() {
        return driver.findElement(By.id("summary-destination")).getText();
    }

    public FilingPages tickCommitmentAndSubmit() {
        driver.findElement(By.id("commitment")).click();
        return submit();
    }

    public FilingPages submit() {
        driver.findElement(By.id("submit-filing")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-status")));
        return this;
    }

    public String status() {
        return driver.findElement(By.id("filing-status")).getText();
    }

    public String number() {
        return driver.findElement(By.id("filing-number")).getText();
    }

    public boolean hasCode() {
        return !driver.findElements(By.cssSelector("#filing-code img.code-image")).isEmpty();
    }

    public String verifyCodePublicly() {
        driver.findElement(By.id("verify-link")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")));
        return driver.findElement(By.id("verification-result")).getText();
    }

    /** 取消备案: the confirmation first; returns its text. */
    public String askToCancel() {
        driver.findElement(By.id("cancel-filing")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-confirmation")));
        return driver.findElement(By.id("cancel-confirmation")).getText();
    }

    public FilingPages confirmCancel() {
        driver.findElement(By.id("cancel-confirm")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-cancelled")));
        return this;
    }

    public String cancelAndReadTheRefusal() {
        driver.findElement(By.id("cancel-filing")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-error")));
        return driver.findElement(By.id("filing-error")).getText();
    }
}
