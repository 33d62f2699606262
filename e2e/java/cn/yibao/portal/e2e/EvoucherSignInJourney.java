package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Residents sign in through the national e-voucher protocol, against the sandbox's simulator of the platform. */
class EvoucherSignInJourney extends PortalJourneyBase {

    private static final String DIBAO_CERTNO = "141121196004152121";

    @Test
    void dibaoResidentAuthorisesOnTheEvoucherPageAndLandsHomeWithMaskedIdentity() {
        LandingPage landing = LandingPage.open(driver, portalUrl("/"));
        EvoucherAuthorizationPage authorization = landing.signInWithEvoucher();
        screenshot("authorization-page");
        Accessibility.assertNoViolations(driver, "e-voucher authorization page (simulator)");

        HomePage home = authorization.signInAs("wenshui-dibao");
        screenshot("home");
        Accessibility.assertNoViolations(driver, "home after e-voucher sign-in");
        assertThat(home.maskedName()).isEqualTo("刘**");
        assertThat(home.maskedIdNumber()).matches("141\\*{11}2121");
        assertThat(home.regionName()).contains("文水");
        assertThat(driver.getPageSource()).doesNotContain(DIBAO_CERTNO).doesNotContain("pay_auth_no");

        // What the national platform said (1101 idetinfo), beside the local assistance list's standing.
        driver.get(portalUrl("/contribution"));
        String national = Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("national-identity"))).getText();
        screenshot("national-identity");
        Accessibility.assertNoViolations(driver, "我的缴费 with the national platform's identity types");
        assertThat(national).contains("国家医保信息平台登记的身份", "低保对象", "2023-01-01 起", "以当地资助参保名单为准");
        driver.get(portalUrl("/home"));
        home = new HomePage(driver);

        home.signOut();
        assertThat(Pages.pathOf(driver)).isEqualTo("/");
    }

    @Test
    void aCancelledAuthorisationReturnsToTheLandingPageWithAPlainMessage() {
        LandingPage landing = LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().cancel();
        screenshot("cancelled");
        Accessibility.assertNoViolations(driver, "landing page after a cancelled authorisation");
        assertThat(landing.flashError()).hasValueSatisfying(message -> assertThat(message).contains("您取消了医保电子凭证授权"));
    }

    @Test
    void anEmployeeInsuredPersonIsToldThePortalServesTheResidentSchemeOnly() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().authorizeOnly("mip-employee");
        LandingPage landing = new LandingPage(driver);
        screenshot("not-resident-scheme");
        Accessibility.assertNoViolations(driver, "landing page, not in the resident scheme");
        assertThat(landing.flashError()).hasValueSatisfying(message -> assertThat(message).contains("未参加城乡居民基本医疗保险"));
    }
}
