package cn.yibao.portal.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** 我的家庭: members, invitations, the bind form. */
public class FamilyPage {

    private final WebDriver driver;

    FamilyPage(WebDriver driver) {
        this.driver = driver;
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("bind-form")));
    }

    public static FamilyPage open(WebDriver driver, String url) {
        driver.get(url);
        return new FamilyPage(driver);
    }

    public FamilyPage bind(String name, String certno, String relationLabel) {
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("certno")).sendKeys(certno);
        new Select(driver.findElement(By.id("relation"))).selectByVisibleText(relationLabel);
        driver.findElement(By.id("bind")).click();
        return new FamilyPage(driver);
    }

    public String outcome() {
        return driver.findElements(By.cssSelector("#family-done, #family-error")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    public List<String> memberLines() {
        return driver.findElements(By.cssSelector("#members .member")).stream().map(WebElement::getText).toList();
    }

    public List<String> invitations() {
        return driver.findElements(By.cssSelector("#invitations .invitation")).stream().map(WebElement::getText).toList();
    }

    public FamilyPage acceptFirstInvitation() {
        driver.findElement(By.cssSelector("#invitations button.accept")).click();
        return new FamilyPage(driver);
    }
}
