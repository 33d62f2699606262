package cn.yibao.portal.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The public fee calculator (缴费标准查询). */
public class CalculatorPage {

    private final WebDriver driver;

    CalculatorPage(WebDriver driver) {
        this.driver = driver;
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("calculate")));
    }

    public static CalculatorPage openFromLanding(LandingPage landing, WebDriver driver) {
        driver.findElement(By.id("open-calculator")).click();
        return new CalculatorPage(driver);
    }

    public CalculatorPage choose(String regionLabel, String yearLabel, String categoryLabel) {
        new Select(driver.findElement(By.id("region"))).selectByVisibleText(regionLabel);
        new Select(driver.findElement(By.id("year"))).selectByVisibleText(yearLabel);
        new Select(driver.findElement(By.id("category"))).selectByVisibleText(categoryLabel);
        return this;
    }

    public QuoteCard calculate() {
        driver.findElement(By.id("calculate")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#quote-result .due-yuan")));
        return new QuoteCard(driver.findElement(By.id("quote-result")));
    }
}
