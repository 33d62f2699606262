package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A shared counter PC: a help-desk worker signs out, and the next person who presses 工作人员登录 must sign in at the
 * staff provider themselves — the sign-out ended the provider's session too, not only the portal's.
 */
class CounterSignOutJourney extends PortalJourneyBase {

    @Test
    void afterAWorkerSignsOutTheNextPersonAtTheCounterMustSignInAgain() {
        StaffCounterPage.signIn(driver, portalUrl("/"), "staff-wenshui");
        screenshot("1-worker-signed-in");

        driver.findElement(By.id("signout")).click();
        Pages.waitForPath(driver, "/");
        assertThat(driver.getCurrentUrl()).contains("signedOut");
        screenshot("2-signed-out");

        driver.findElement(By.id("signin-staff")).click();
        new SandboxIssuerLoginPage(driver);
        screenshot("3-next-person-asked-to-sign-in");
        assertThat(Pages.pathOf(driver)).isEqualTo("/staff/authorize");

        // The next worker signs in as themselves.
        new SandboxIssuerLoginPage(driver).signInAs("staff-weihai", "");
        new StaffCounterPage(driver);
        assertThat(driver.getPageSource()).doesNotContain("马*");
    }
}
