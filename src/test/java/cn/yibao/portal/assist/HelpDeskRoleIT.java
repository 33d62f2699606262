package cn.yibao.portal.assist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshStaff;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The counter's work — assisted sessions, cash at the counter, checking a resident's 医保码, reviewing filings — is
 * the help desk's ({@code HELP_DESK}). A staff member with only another role (here an auditor of the same county)
 * is refused each of them on the server, and nothing changes.
 */
class HelpDeskRoleIT extends AssistOverHttp {

    @Test
    void anAuditorWithoutTheHelpDeskRoleCannotStartAnAssistedSession() {
        Resident resident = fresh(WENSHUI, "甘守正");
        String auditor = signIn.staffAccessToken(FreshStaff.login(), FreshStaff.claims(WENSHUI, "AUDITOR"));

        start(auditor, Map.of("residentCode", residentCode(resident))).expectStatus().isForbidden();
        start(auditor, Map.of("certno", resident.certno(), "name", resident.name())).expectStatus().isForbidden();

        assertThat(sessionsOf(resident)).isZero();
    }

    @Test
    void aWorkerWhoseHelpDeskRoleWasWithdrawnCanNeitherActInTheirSessionNorRecordCash() {
        Resident resident = fresh(WENSHUI, "甘守信");
        String staffId = "S141121" + UUID.randomUUID().toString().substring(0, 6);
        String helpDesk = signIn.staffAccessToken(FreshStaff.login(), FreshStaff.claimsOf(staffId, WENSHUI, "HELP_DESK"));
        String session = startFromCode(helpDesk, resident);
        String order = json(actingPost("/api/v1/payments", helpDesk, session).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"CASH\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("paymentId").asString();

        // The same person, later, with only the auditor's role (the staff issuer withdrew HELP_DESK).
        String auditor = signIn.staffAccessToken(FreshStaff.login(), FreshStaff.claimsOf(staffId, WENSHUI, "AUDITOR"));
        actingPost("/api/v1/payments/" + order + "/cash", auditor, session).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("receiptNo", "WS-2023-000777")).exchange().expectStatus().isForbidden();
        actingPost("/api/v1/payments", auditor, session).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"CASH\"}")
                .exchange().expectStatus().isForbidden();
        actingGet("/api/v1/me", auditor, session).expectStatus().isForbidden();

        assertThat(count("select count(*) from payment_order where id = $1 and status = 'AWAITING_PAYMENT'",
                UUID.fromString(order))).as("the cash order is still unpaid").isEqualTo(1);
        assertThat(count("select count(*) from payment_order o join resident r on r.id = o.payer_id "
                + "where r.psn_no = $1", "T" + resident.certno())).as("no second order").isEqualTo(1);
    }

    @Test
    void anAuditorWithoutTheHelpDeskRoleCannotCheckAResidentsCodeAndLeavesNoCheckBehind() {
        Resident resident = fresh(WENSHUI, "甘守义");
        String auditor = signIn.staffAccessToken(FreshStaff.login(), FreshStaff.claims(WENSHUI, "AUDITOR"));
        String code = residentCode(resident);

        byte[] body = portal.post().uri("/api/v1/codes/verify").headers(h -> h.setBearerAuth(auditor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", code))
                .exchange().expectStatus().isForbidden().expectBody().returnResult().getResponseBody();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("甘*");

        BrowserSession desk = signIn.asStaff(FreshStaff.login(), FreshStaff.claims(WENSHUI, "AUDITOR"));
        desk.client().post().uri("/staff/verify").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=" + BrowserSession.csrf(desk.page("/staff")) + "&token=" + code)
                .exchange().expectStatus().isForbidden();
        assertThat(count("select count(*) from audit_event where action = 'CODE_VERIFY' and outcome = 'SUCCESS' and resident_id = "
                + "(select id from resident where psn_no = $1)", "T" + resident.certno())).isZero();
    }

    @Test
    void anAuditorWithoutTheHelpDeskRoleCannotOpenTheFilingReviewQueue() {
        BrowserSession auditor = signIn.asStaff(FreshStaff.login(), FreshStaff.claims(WENSHUI, "AUDITOR"));

        auditor.client().get().uri("/staff/filings").exchange().expectStatus().isForbidden();
        auditor.client().get().uri("/staff/filings/" + UUID.randomUUID()).exchange().expectStatus().isForbidden();
    }

    private long sessionsOf(Resident resident) {
        return count("select count(*) from assist_session where resident_id = (select id from resident where psn_no = $1)",
                "T" + resident.certno());
    }
}
