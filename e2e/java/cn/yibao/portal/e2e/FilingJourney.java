package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class FilingJourney extends PortalJourneyBase {

    @Test
    void shenyangResidentFilesLongTermResidenceInFuzhouWithTheCommitmentLetterAndCannotCancelInsideTheLock() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("shenyang-general");
        FilingPages filing = FilingPages.openFromHome(driver)
                .fileForSelf("LONG_TERM_RESIDENCE", "福建省 福州市", "随子女长期居住");
        assertThat(filing.summaryDestination()).isEqualTo("福建省福州市");

        filing.tickCommitmentAndSubmit();
        screenshot("filing-effective");
        assertThat(filing.status()).isEqualTo("已生效");
        assertThat(filing.hasCode()).isTrue();
        String detailUrl = driver.getCurrentUrl();

        String refusal = filing.cancelAndReadTheRefusal();
        assertThat(refusal).contains("6个月", "不能变更或取消");

        driver.get(portalUrl("/home"));
        new HomePage(driver).signOut();
        driver.get(detailUrl);
        assertThat(Pages.pathOf(driver)).as("the filing page itself is private").isEqualTo("/");
    }

    @Test
    void aReferralWithoutCertificateGoesToReviewTheWenshuiDeskApprovesItAndWeihaiNeverSeesIt() {
        // A Wenshui resident of this journey's own: wenshui-general's referral is filed in the assist journey.
        String claims = cn.yibao.portal.support.FreshResidents.adultIn("141121", "贺志强");
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("filing-referral", claims);
        new HomePage(driver);
        FilingPages filing = FilingPages.openFromHome(driver).fileForSelf("REFERRAL", "北京市", "转诊至北京就医").submit();
        assertThat(filing.status()).isEqualTo("审核中");
        String number = filing.number();
        String detailUrl = driver.getCurrentUrl();
        driver.get(portalUrl("/home"));
        new HomePage(driver).signOut();

        StaffCounterPage.signIn(driver, portalUrl("/"), "staff-weihai");
        driver.get(portalUrl("/staff/filings"));
        assertThat(driver.getPageSource()).doesNotContain(number);
        signOutStaff();

        StaffCounterPage.signIn(driver, portalUrl("/"), "staff-wenshui");
        driver.get(portalUrl("/staff/filings"));
        WebElement item = driver.findElements(By.cssSelector(".review-item")).stream()
                .filter(e -> e.getText().contains(number)).findFirst().orElseThrow();
        item.click();
        driver.findElement(By.id("reason")).sendKeys("转诊证明已电话核实");
        driver.findElement(By.id("approve")).click();
        Pages.waitFor(driver).until(d -> d.findElements(By.id("review-done")).size() == 1);
        screenshot("filing-approved");
        signOutStaff();

        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("filing-referral", claims);
        new HomePage(driver);
        driver.get(detailUrl);
        assertThat(new FilingPages(driver).status()).isEqualTo("已生效");
        assertThat(driver.findElement(By.cssSelector(".history")).getText()).contains("转诊证明已电话核实");
    }

    @Test
    void theFilingCodeVerifiesForAnyone() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-dibao");
        FilingPages filing = FilingPages.openFromHome(driver)
                .fileForSelf("OTHER_TEMPORARY", "浙江省 杭州市", "探亲").submit();
        assertThat(filing.status()).isEqualTo("已生效");

        String result = filing.verifyCodePublicly();
        screenshot("filing-verified");
        assertThat(result).contains("有效", "刘**", "其他临时外出就医");
    }

    private void signOutStaff() {
        driver.get(portalUrl("/staff"));
        driver.findElement(By.id("signout")).click();
        Pages.waitForPath(driver, "/");
    }
}
