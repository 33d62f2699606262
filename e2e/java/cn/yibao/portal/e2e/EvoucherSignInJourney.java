package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
