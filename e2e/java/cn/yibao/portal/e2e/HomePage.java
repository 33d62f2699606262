package cn.yibao.portal.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The signed-in resident's home page ("/home"). */
public class HomePage {

    private static final By RESIDENT_NAME = By.id("resident-name");

    private final WebDriver driver;

    public HomePage(WebDriver driver) {
        this.driver = driver;
        Pages.waitForPath(driver, "/home");
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(RESIDENT_NAME));
    }

    public String maskedName() {
        return textOf(RESIDENT_NAME);
    }

    public String maskedIdNumber() {
        return textOf(By.id("resident-certno"));
    }

    public String regionName() {
        return textOf(By.id("resident-region"));
    }

    /** The notice shown when the resident's insured region is not served yet, or "" when absent. */
    public String regionNotice() {
        return driver.findElements(By.id("region-unsupported")).stream()
                .findFirst()
                .map(element -> element.getText().strip())
                .orElse("");
    }

    public List<String> tileLabels() {
        return driver.findElements(By.cssSelector(".tile .tile-label")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }

    /** The household summary's line for total due ("2024年度待缴 760 元（2 人），请在 … 前缴纳"), or what says none is. */
    public String householdDue() {
        return textOf(By.cssSelector("#household-summary .household-due"));
    }

    /** One text per person in the household summary: who, then their lines (state first). */
    public List<String> householdPeople() {
        return driver.findElements(By.cssSelector("#household-summary .standing")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    /** The summary's one button that pays everything due, or "" when nothing is due. */
    public String payAllLabel() {
        return driver.findElements(By.id("home-pay-all")).stream().map(WebElement::getText).map(String::strip)
                .findFirst().orElse("");
    }

    public String businessDate() {
        return textOf(By.id("business-date"));
    }

    public LandingPage signOut() {
        driver.findElement(By.cssSelector("button#signout")).click();
        Pages.waitForPath(driver, "/");
        return new LandingPage(driver);
    }

    private String textOf(By locator) {
        return driver.findElement(locator).getText().strip();
    }
}
