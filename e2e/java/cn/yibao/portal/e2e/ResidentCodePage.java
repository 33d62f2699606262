package cn.yibao.portal.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** 医保码: the dynamic code, its countdown, and a screenshot of it as a resident would send one. */
public class ResidentCodePage {

    private final WebDriver driver;

    ResidentCodePage(WebDriver driver) {
        this.driver = driver;
        Pages.waitForPath(driver, "/code");
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("resident-code-image")));
        Pages.waitFor(driver).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var i = document.getElementById('resident-code-image'); return i.complete && i.naturalWidth > 0;"));
    }

    public static ResidentCodePage openFromHome(WebDriver driver) {
        driver.findElement(By.id("tile-code")).click();
        return new ResidentCodePage(driver);
    }

    public String token() {
        return image().getAttribute("data-token");
    }

    public String holder() {
        return driver.findElement(By.id("code-holder")).getText();
    }

    /** Waits (longer than the refresh interval) until the page has swapped in a new code by itself. */
    public String waitForANewCode(String previous) {
        Pages.waitFor(driver).withMessage("the 医保码 did not refresh").until(d -> !previous.equals(token()));
        Pages.waitFor(driver).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var i = document.getElementById('resident-code-image'); return i.complete && i.naturalWidth > 0;"));
        return token();
    }

    /** Whether the ticking countdown sits inside a live region (and so is read out at every tick). */
    public boolean countdownIsInALiveRegion() {
        return (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.getElementById('code-countdown')"
                        + ".closest('[role=status],[role=alert],[role=timer],[role=log],[aria-live]') !== null;");
    }

    /** What the page's live region says now (the words a screen reader announces). */
    public String announcement() {
        return driver.findElement(By.id("code-announcement")).getAttribute("textContent").strip();
    }

    public Path screenshotOfCode(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("resident-code.png");
            Files.write(file, image().getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement image() {
        return driver.findElement(By.id("resident-code-image"));
    }
}
