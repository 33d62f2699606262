package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * wenshui-dibao takes hypertension medicine: the home page says the supply runs out and that the new prescription
 * waits at the pharmacy; its page shows the pickup code, which the help desk verifies. Her records are the sandbox's
 * demo feed as of the business date 2023-10-15: a supply picked up on 2023-09-20 and the prescription of 2023-10-14.
 */
class PrescriptionJourney extends PortalJourneyBase {

    @Test
    void dibaoIsRemindedToPickUpHerNewHypertensionPrescriptionShowsItsCodeAndTheDeskVerifiesIt() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-dibao");
        String notice = PrescriptionPages.notice(driver, "高血压用药");
        screenshot("home-refill-reminder");
        assertThat(notice).contains("氨氯地平片", "用完", "新处方已开具，请凭取药码到药店取药");

        PrescriptionPages prescription = PrescriptionPages.followNotice(driver, "高血压用药");
        assertThat(prescription.drug()).contains("氨氯地平片");
        assertThat(prescription.status()).isEqualTo("待取药");
        assertThat(prescription.hasPickupCode()).isTrue();
        Pages.waitFor(driver).until(d -> prescription.pickupCodeDrawn());
        screenshot("pickup-code");
        String token = prescription.pickupToken();

        driver.get(portalUrl("/home"));
        PrescriptionPages list = PrescriptionPages.openFromHome(driver);
        assertThat(list.items()).anySatisfy(item -> assertThat(item).contains("氨氯地平片", "待取药"))
                .anySatisfy(item -> assertThat(item).contains("氨氯地平片", "已取药", "用完"));
        screenshot("prescriptions");
        driver.get(portalUrl("/home"));
        new HomePage(driver).signOut();

        StaffCounterPage counter = StaffCounterPage.signIn(driver, portalUrl("/"), "staff-wenshui").paste(token);
        screenshot("counter-prescription");
        assertThat(counter.verdict()).contains("有效");
        assertThat(counter.purpose()).isEqualTo("处方取药码");
        assertThat(counter.subject()).isEqualTo("刘**");
        assertThat(counter.status()).contains("高血压", "氨氯地平片");
    }
}
