package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class AssistJourney extends PortalJourneyBase {

    @Test
    void theWenshuiDeskFilesAReferralForARegularResidentFromTheirCodeAndTheResidentSeesItInTheirRecord() {
        // The resident shows their 医保码 on their phone (here: reads it off the code page, then signs out).
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-general");
        String code = ResidentCodePage.openFromHome(driver).token();
        driver.get(portalUrl("/home"));
        new HomePage(driver).signOut();

        StaffCounterPage.signIn(driver, portalUrl("/"), "staff-wenshui");
        driver.findElement(By.id("assist-desk")).click();
        Pages.waitForPath(driver, "/staff/assist");
        driver.findElement(By.id("resident-code")).sendKeys(code);
        driver.findElement(By.id("assist-start")).click();
        Pages.waitForPath(driver, "/home");
        String banner = driver.findElement(By.id("assist-banner-text")).getText();
        screenshot("banner");
        assertThat(banner).contains("正在为 王** 代办", "工作人员", "剩余 30 分钟");

        FilingPages filing = FilingPages.openFromHome(driver).fileForSelf("REFERRAL", "上海市", "转诊至上海就医").submit();
        assertThat(driver.findElement(By.id("assist-banner")).isDisplayed()).isTrue();
        String number = filing.number();
        screenshot("filed");

        // The family may be looked at (binding is refused on the server: AssistIT).
        driver.get(portalUrl("/family"));
        assertThat(driver.findElement(By.id("assist-banner")).isDisplayed()).isTrue();

        driver.findElement(By.id("assist-end")).click();
        Pages.waitForPath(driver, "/staff/assist");
        assertThat(driver.findElement(By.id("assist-ended")).getText()).contains("代办已结束");
        driver.get(portalUrl("/home"));
        assertThat(driver.findElements(By.id("assist-banner"))).as("after the end, no more acting").isEmpty();
        assertThat(driver.getPageSource()).as("the resident's pages are closed to the worker").doesNotContain("王**");
        driver.get(portalUrl("/staff"));
        driver.findElement(By.id("signout")).click();
        Pages.waitForPath(driver, "/");

        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-general");
        driver.findElement(By.id("tile-assist")).click();
        Pages.waitForPath(driver, "/assist/history");
        screenshot("history");
        WebElement session = driver.findElements(By.cssSelector(".assist-session")).get(0);
        assertThat(session.getText()).contains("已结束", "出示医保码", "办理异地就医备案", "备案编号 " + number);
        // The number leads to the filing itself.
        session.findElement(By.cssSelector("a.assist-object")).click();
        Pages.waitForPathStartingWith(driver, "/filing/");
        assertThat(driver.getPageSource()).contains(number);
    }
}
