package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class ResidentCodeJourney extends PortalJourneyBase {

    @Autowired
    DatabaseClient database;

    @Test
    void dibaoShowsHerCodeWhichRefreshesByItselfAndTheHelpDeskVerifiesAScreenshotOfIt() {
        HomePage home = LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-dibao");
        ResidentCodePage code = ResidentCodePage.openFromHome(driver);
        assertThat(code.holder()).isEqualTo("刘**");
        String first = code.token();

        assertThat(code.countdownIsInALiveRegion()).as("a screen reader would read out every tick").isFalse();
        assertThat(code.announcement()).as("nothing announced before the first refresh").isEmpty();
        String second = code.waitForANewCode(first);
        assertThat(driver.getCurrentUrl()).as("no reload").endsWith("/code");
        screenshot("resident-code");
        // At once, before the next refresh (every few seconds in the tests) swaps the image.
        Path screenshot = code.screenshotOfCode(Path.of("target", "e2e-screenshots", "upload"));
        Pages.waitFor(driver).withMessage("the refresh is announced")
                .until(d -> "二维码已刷新".equals(code.announcement()));
        Accessibility.assertNoViolations(driver, "resident code");
        long auditedBefore = codeVerifications();
        driver.get(portalUrl("/home"));
        new HomePage(driver).signOut();

        StaffCounterPage counter = StaffCounterPage.signIn(driver, portalUrl("/"), "staff-wenshui").upload(screenshot);
        screenshot("counter-verified");

        assertThat(counter.verdict()).as(counter.error()).contains("有效");
        assertThat(counter.subject()).isEqualTo("刘**");
        assertThat(counter.status()).contains("2024");
        assertThat(codeVerifications()).isEqualTo(auditedBefore + 1);
        assertThat(second).isNotEqualTo(first);
    }

    private long codeVerifications() {
        return database.sql("select count(*) from audit_event where action = 'CODE_VERIFY' and actor_id = 'S141121001'")
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
