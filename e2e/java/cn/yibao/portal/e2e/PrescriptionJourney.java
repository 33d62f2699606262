package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import cn.yibao.portal.clock.BusinessClock;

/**
 * wenshui-dibao takes hypertension medicine: the home page says the supply runs out and that the new prescription
 * waits at the pharmacy; its page shows the pickup code, which the help desk verifies.
 */
class PrescriptionJourney extends PortalJourneyBase {

    private static final String DIBAO_PSN_NO = "14112100000000000021";

    @Autowired
    DatabaseClient database;

    @Autowired
    BusinessClock clock;

    /**
     * The records come from the upstream import (the sandbox feed). Where the feed has given wenshui-dibao no
     * hypertension prescription, this journey stores what such a feed would: a qualification, a supply picked up 26
     * days ago that runs out tomorrow, and the new prescription.
     */
    @BeforeEach
    void dibaosHypertensionRecords() {
        UUID dibao = database.sql("select id from resident where psn_no = :psn").bind("psn", DIBAO_PSN_NO)
                .map(row -> row.get("id", UUID.class)).one().block();
        Long existing = database.sql("select count(*) from prescription where resident_id = :id and disease = 'HYPERTENSION'")
                .bind("id", dibao).map(row -> row.get(0, Long.class)).one().block();
        if (existing != null && existing > 0) {
            return;
        }
        LocalDate today = clock.today();
        UUID batch = UUID.randomUUID();
        database.sql("""
                        insert into upstream_batch (id, kind, file_name, content_sha256, lines, inserted, updated,
                                                    unchanged, operator, imported_at)
                        values (:id, 'PRESCRIPTIONS', 'prescription-journey.jsonl', :sha, 3, 3, 0, 0, 'sandbox-feed', now())""")
                .bind("id", batch).bind("sha", new byte[32]).then().block();
        database.sql("""
                        insert into two_disease_qualification (qualification_no, resident_id, disease, qualified_on,
                                                               facility_name, facility_region, batch_id)
                        values (:no, :resident, 'HYPERTENSION', :on, '文水县人民医院', '141121', :batch)
                        on conflict do nothing""")
                .bind("no", "RD-E2E-" + batch.toString().substring(0, 8)).bind("resident", dibao)
                .bind("on", today.minusMonths(6)).bind("batch", batch).then().block();
        insertPrescription(dibao, batch, "DISPENSED", today.minusDays(26));
        insertPrescription(dibao, batch, "ISSUED", today);
    }

    private void insertPrescription(UUID resident, UUID batch, String status, LocalDate on) {
        UUID id = UUID.randomUUID();
        var insert = database.sql("""
                        insert into prescription (id, prescription_no, resident_id, disease, drug_name, specification,
                                                  dosage, quantity, quantity_unit, days_supply, long_term, facility_name,
                                                  facility_region, prescribed_on, status, dispensed_on, batch_id)
                        values (:id, :no, :resident, 'HYPERTENSION', '氨氯地平片', '5mg×28片', '口服，每日一次，每次一片',
                                1, '盒', 28, false, '文水县人民医院', '141121', :on, :status, :dispensed, :batch)""")
                .bind("id", id).bind("no", "CF-E2E-" + id.toString().substring(0, 13)).bind("resident", resident)
                .bind("on", on).bind("status", status).bind("batch", batch);
        (status.equals("ISSUED") ? insert.bindNull("dispensed", LocalDate.class) : insert.bind("dispensed", on))
                .then().block();
    }

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
