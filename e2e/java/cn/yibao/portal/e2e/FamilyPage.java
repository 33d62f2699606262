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

    /** What the page says happened: done, or the refusal (a general one, or the first message next to a field). */
    public String outcome() {
        return driver.findElements(By.cssSelector("#family-done, #family-error, #bind-error, #bind-form .field-error"))
                .stream().map(WebElement::getText).findFirst().orElse("");
    }

    /** The bind form's fields as they are shown now (what was typed is kept after a refusal). */
    public String typed(String field) {
        return driver.findElement(By.id(field)).getAttribute("value");
    }

    public boolean marked(String field) {
        return "true".equals(driver.findElement(By.id(field)).getAttribute("aria-invalid"));
    }

    public String describedBy(String field) {
        String ids = driver.findElement(By.id(field)).getAttribute("aria-describedby");
        StringBuilder text = new StringBuilder();
        for (String id : ids == null ? new String[0] : ids.split(" ")) {
            text.append(driver.findElement(By.id(id)).getText()).append(' ');
        }
        return text.toString().strip();
    }

    /** Fixes one field and sends the form again (the others keep what was typed). */
    public FamilyPage retype(String field, String text) {
        var input = driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
        driver.findElement(By.id("bind")).click();
        return new FamilyPage(driver);
    }

    /** 解除绑定 of the first member: the confirmation page, returning its text. */
    public String askToUnbindFirstMember() {
        driver.findElement(By.cssSelector("#members button.unbind")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("unbind-confirmation")));
        return driver.findElement(By.id("unbind-confirmation")).getText();
    }

    public FamilyPage confirmUnbind() {
        driver.findElement(By.id("unbind-confirm")).click();
        return new FamilyPage(driver);
    }

    public FamilyPage undo() {
        driver.findElement(By.id("undo")).click();
        return new FamilyPage(driver);
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
