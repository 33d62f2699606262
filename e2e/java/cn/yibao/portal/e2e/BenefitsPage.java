package cn.yibao.portal.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** 我的待遇 ("/benefits"): coverage, caps, spending chart, settlements, the estimator and the rules. */
public class BenefitsPage {

    private final WebDriver driver;

    BenefitsPage(WebDriver driver) {
        this.driver = driver;
        Pages.waitForPath(driver, "/benefits");
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("coverage-state")));
    }

    public static BenefitsPage openFromHome(WebDriver driver) {
        driver.findElement(By.id("tile-benefit")).click();
        return new BenefitsPage(driver);
    }

    public String selectedYear() {
        return driver.findElement(By.cssSelector("#year-switch .switch-option.selected")).getText().strip();
    }

    public String coverageState() {
        return text(By.id("coverage-state"));
    }

    public String coveragePeriod() {
        return text(By.id("coverage-period"));
    }

    /** The line "基金已支付 … / 年度限额 …" of a setting's cap (OUTPATIENT, TWO_DISEASE). */
    public String capUsed(String setting) {
        return text(By.id("cap-used-" + setting));
    }

    /** The share of the cap the bar shows as used, from the drawn SVG (0–1). */
    public double capBarShare(String setting) {
        var bar = driver.findElement(By.cssSelector("#cap-" + setting + " svg.cap-bar"));
        var used = bar.findElements(By.cssSelector("rect.cap-used"));
        if (used.isEmpty()) {
            return 0;
        }
        return Double.parseDouble(used.get(0).getAttribute("width")) / 300.0;
    }

    public boolean chartDrawn() {
        var chart = driver.findElements(By.cssSelector("#spending-chart svg"));
        return !chart.isEmpty() && chart.get(0).getSize().getWidth() > 0
                && !chart.get(0).findElements(By.cssSelector("rect.chart-fund")).isEmpty();
    }

    /** Months with a bar in the chart. */
    public int chartMonthsWithSpending() {
        return (int) driver.findElements(By.cssSelector("#spending-chart rect.chart-fund")).stream().count();
    }

    public int settlementCount() {
        return driver.findElements(By.cssSelector("#settlements .settlement")).size();
    }

    public BenefitsPage estimate(String yuan, String settingLabel, String levelLabel, String remoteLabel) {
        var expense = driver.findElement(By.id("expense"));
        expense.clear();
        expense.sendKeys(yuan);
        new Select(driver.findElement(By.id("setting"))).selectByVisibleText(settingLabel);
        new Select(driver.findElement(By.id("level"))).selectByVisibleText(levelLabel);
        new Select(driver.findElement(By.id("remote"))).selectByVisibleText(remoteLabel);
        driver.findElement(By.id("estimate-submit")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("estimate-result")));
        return new BenefitsPage(driver);
    }

    public String estimateHeadline() {
        return text(By.cssSelector("#estimate-result .estimate-fund"));
    }

    public String estimateSteps() {
        return text(By.id("estimate-steps"));
    }

    public String rule(String key) {
        return text(By.id("rule-" + key));
    }

    private String text(By locator) {
        return driver.findElement(locator).getText().strip();
    }
}
