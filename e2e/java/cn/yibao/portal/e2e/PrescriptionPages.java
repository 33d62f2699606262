package cn.yibao.portal.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** 两病处方: the list ("/prescriptions") and a prescription's page ("/prescriptions/{id}"). */
public class PrescriptionPages {

    private final WebDriver driver;

    PrescriptionPages(WebDriver driver) {
        this.driver = driver;
        Pages.waitFor(driver).until(d -> Pages.pathOf(d).startsWith("/prescriptions"));
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    }

    /** Follows the home page's prescription notice (refill or pickup) that mentions the text. */
    public static PrescriptionPages followNotice(WebDriver driver, String mentioning) {
        noticeMentioning(driver, mentioning).findElement(By.tagName("a")).click();
        return new PrescriptionPages(driver);
    }

    /** The text of the home page's prescription notice that mentions the text. */
    public static String notice(WebDriver driver, String mentioning) {
        return noticeMentioning(driver, mentioning).getText().strip();
    }

    private static WebElement noticeMentioning(WebDriver driver, String text) {
        return driver.findElements(By.cssSelector(".home-notice[id^='prescription-']")).stream()
                .filter(notice -> notice.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no prescription notice on the home page mentions " + text));
    }

    public static PrescriptionPages openFromHome(WebDriver driver) {
        driver.findElement(By.id("tile-prescription")).click();
        return new PrescriptionPages(driver);
    }

    public String drug() {
        return driver.findElement(By.id("prescription-drug")).getText().strip();
    }

    public String status() {
        return driver.findElement(By.cssSelector(".prescription-status")).getText().strip();
    }

    public boolean hasPickupCode() {
        return !driver.findElements(By.cssSelector(".pickup-code-image")).isEmpty();
    }

    /** Whether the browser actually drew the pickup code image (it loaded and has a size). */
    public boolean pickupCodeDrawn() {
        WebElement image = driver.findElement(By.cssSelector(".pickup-code-image"));
        Object width = ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
        return width instanceof Number number && number.intValue() > 0;
    }

    /** The pickup code's text, as the resident would read it out at the pharmacy. */
    public String pickupToken() {
        // The text sits in a closed <details> (it is for pasting, not reading out): read it as the DOM has it.
        return driver.findElement(By.cssSelector(".pickup-code .token-text")).getAttribute("textContent").strip();
    }

    /** Each prescription on the list: drug, marks (status, long prescription, supply end) and facts. */
    public List<String> items() {
        return driver.findElements(By.cssSelector(".prescription-item")).stream()
                .map(item -> item.getText().replace('\n', ' ').strip()).toList();
    }
}
