package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/** Residents sign in through an OpenID Connect broker in front of the e-voucher: the configured alternative. */
@TestPropertySource(properties = "portal.evoucher.sign-in=oidc")
class ResidentSignInJourney extends PortalJourneyBase {

    private static final String DIBAO_CERTNO = "141121196004152121";

    @Test
    void dibaoResidentSignsInWithTheEvoucherSeesMaskedIdentityAndSignsOut() {
        LandingPage landing = LandingPage.open(driver, portalUrl("/"));
        assertThat(landing.demoAccountNames()).contains("wenshui-dibao");
        screenshot("landing");

        HomePage home = landing.signInThroughOidcBroker().signInAs("wenshui-dibao");
        screenshot("home");

        assertThat(home.maskedName()).isEqualTo("刘**");
        assertThat(home.maskedIdNumber()).matches("141\\*{11}2121");
        assertThat(driver.getPageSource()).doesNotContain(DIBAO_CERTNO);
        assertThat(home.regionName()).contains("文水");
        assertThat(home.tileLabels()).contains("缴费", "我的待遇", "两病处方", "异地备案", "医保码");
        assertThat(home.businessDate()).contains("2023-10-15");

        home.signOut();
        assertThat(Pages.pathOf(driver)).isEqualTo("/");

        // The session must really be gone: the home page now sends the visitor back to the landing page.
        driver.get(portalUrl("/home"));
        Pages.waitForPath(driver, "/");
        assertThat(driver.findElements(By.id("resident-name"))).isEmpty();
        screenshot("signed-out");
    }

    @Test
    void residentFromAnUnsupportedRegionStillSignsInAndIsToldSo() {
        String certno = withCheckCharacter("11010119900307777");
        String claims = """
                {"name":"钱多多","certno":"%s","psn_no":"99900000000001","insuplc_admdvs":"999999"}\
                """.formatted(certno);

        LandingPage.open(driver, portalUrl("/")).signInThroughOidcBroker().signInAs("stranger-999", claims);
        HomePage home = new HomePage(driver);
        screenshot("unsupported-region");

        assertThat(home.maskedName()).isEqualTo("钱**");
        assertThat(driver.getPageSource()).doesNotContain(certno);
        assertThat(home.regionNotice()).isNotBlank().contains("暂未开通");
    }

    /** Appends the GB 11643 (ISO 7064 MOD 11-2) check character so the portal accepts the number as valid. */
    private static String withCheckCharacter(String first17Digits) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * weights[i];
        }
        return first17Digits + "10X98765432".charAt(sum % 11);
    }
}
