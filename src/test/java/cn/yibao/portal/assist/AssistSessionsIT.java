package cn.yibao.portal.assist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshStaff;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** How an assisted session starts (with the resident's consent, in the worker's region only) and how it ends. */
class AssistSessionsIT extends AssistOverHttp {

    private String staff() {
        return signIn.staffAccessToken("staff-wenshui");
    }

    private void refused(String path, String staffToken, String sessionId, String reason) {
        actingGet(path, staffToken, sessionId).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(reason));
    }

    private String status(String sessionId) {
        return database.sql("select status from assist_session where id = $1").bind(0, UUID.fromString(sessionId))
                .map(row -> row.get(0, String.class)).one().block();
    }

    @Test
    void whileActiveTheWorkerSeesTheResidentWithAMaskedIdNumberAndNeverTheFullOne() {
        Resident resident = fresh(WENSHUI, "祁宏远");
        String staff = staff();
        String session = startFromCode(staff, resident);

        String me = new String(actingGet("/api/v1/me", staff, session).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());

        // (The sandbox's made-up person number embeds the ID number; a real 人员编号 does not, so leave it aside.)
        String psnNo = json(me.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("psnNo").asString();
        assertThat(me.replace(psnNo, "")).contains("\"maskedName\":\"祁**\"")
                .doesNotContain(resident.certno(), resident.name());
    }

    @Test
    void aSessionTheWorkerEndedRefusesTheNextRequest() {
        Resident resident = fresh(WENSHUI, "祁文");
        String staff = staff();
        String session = startFromCode(staff, resident);
        actingGet("/api/v1/contributions", staff, session).expectStatus().isOk();

        portal.delete().uri("/api/v1/assist/sessions/" + session).headers(h -> h.setBearerAuth(staff))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ENDED");

        refused("/api/v1/contributions", staff, session, "代办已结束");
    }

    @Test
    void aSessionPastItsThirtyMinutesRefusesTheNextRequestAndIsRecordedAsExpired() {
        Resident resident = fresh(WENSHUI, "祁武");
        String staff = staff();
        String session = startFromCode(staff, resident);
        JsonNode started = json(portal.get().uri("/api/v1/assist/history").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).get(0);
        assertThat(java.time.Duration.between(java.time.Instant.parse(started.get("startedAt").asString()),
                java.time.Instant.parse(json(start(staff, Map.of("residentCode", residentCode(resident)))
                        .expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                        .get("expiresAt").asString())).toMinutes()).as("a session lasts 30 minutes").isBetween(29L, 31L);
        // Time passes: the half hour is over (the sandbox's business clock cannot be wound forward by a test).
        database.sql("update assist_session set expires_at = started_at where id = $1").bind(0, UUID.fromString(session))
                .fetch().rowsUpdated().block();

        refused("/api/v1/contributions", staff, session, "超时");
        JsonNode history = json(portal.get().uri("/api/v1/assist/history").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        JsonNode mine = null;
        for (JsonNode entry : history) {
            if (entry.get("sessionId").asString().equals(session)) {
                mine = entry;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aSessionTheResidentRevokedFromTheirPhoneRefusesTheNextRequest() {
        Resident resident = fresh(WENSHUI, "祁连");
        String staff = staff();
        String session = startFromCode(staff, resident);
        actingGet("/api/v1/filings", staff, session).expectStatus().isOk();

        portal.post().uri("/api/v1/assist/history/" + session + "/revoke").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REVOKED");

        refused("/api/v1/filings", staff, session, "撤销");
        JsonNode history = json(portal.get().uri("/api/v1/assist/history").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).get(0);
        assertThat(history.get("endedBy").asString()).isEqualTo("RESIDENT");
        assertThat(history.get("actions").get(0).get("action").asString()).isNotBlank();
    }

    @Test
    void signingOutAtTheDeskEndsTheWorkersSessionsAndTheNextRequestIsRefused() {
        Resident resident = fresh(WENSHUI, "祁山");
        String staff = staff();
        String session = startFromCode(staff, resident);
        BrowserSession desk = staffBrowser("staff-wenshui");
        continueInBrowser(desk, session);
        assertThat(page(desk, "/home")).contains("正在为", "祁*");
        assertThat(page(desk, "/family")).as("no binding controls while assisting")
                .contains("id=\"family-assisted\"").doesNotContain("id=\"bind-form\"", "/unbind");

        desk.client().post().uri("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=" + csrf(page(desk, "/staff/assist"))).exchange().expectStatus().is3xxRedirection();

        assertThat(status(session)).isEqualTo("ENDED");
        refused("/api/v1/me", staff, session, "代办已结束");
    }

    @Test
    void aWorkerCannotActInAnotherWorkersSessionNorWithoutNamingOne() {
        Resident resident = fresh(WENSHUI, "祁红");
        String session = startFromCode(staff(), resident);
        String otherDesk = signIn.staffAccessToken("staff-weihai");

        refused("/api/v1/me", otherDesk, session, "不是您发起的");
        portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(staff())).exchange().expectStatus().isForbidden();
        actingGet("/api/v1/me", staff(), "not-a-session").expectStatus().isForbidden();
    }

    @Test
    void aStaffTokenTheGateCannotFullyIdentifyIsNeverServedAsTheResidentWhoseClaimsItCarries() {
        Resident resident = fresh(WENSHUI, "祁明");
        // A staff-issuer token without staff_id, carrying the resident's e-voucher claims, and any session header.
        String noStaffId = signIn.staffAccessToken(FreshStaff.login(), resident.claims());
        String session = startFromCode(staff(), resident);

        for (String header : List.of(UUID.randomUUID().toString(), session, "not-a-session")) {
            byte[] body = actingGet("/api/v1/me", noStaffId, header).expectStatus().isForbidden()
                    .expectBody().returnResult().getResponseBody();
            assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).as("with session %s", header)
                    .doesNotContain("祁*");
            actingGet("/api/v1/payments", noStaffId, header).expectStatus().isForbidden();
        }
        // A staff member with a staff id but no region, or a region that is not six digits, is not identified either.
        String noRegion = signIn.staffAccessToken(FreshStaff.login(),
                FreshStaff.claims(WENSHUI, "HELP_DESK").replace("\"admdvs\":\"141121\"", "\"admdvs\":\"\""));
        actingGet("/api/v1/me", noRegion, session).expectStatus().isForbidden();
    }

    @Test
    void aWorkerOfAnotherRegionCannotStartASessionEitherWay() {
        Resident wenshui = fresh(WENSHUI, "祁北");
        String weihai = signIn.staffAccessToken("staff-weihai");
        long sessions = count("select count(*) from assist_session where resident_id = "
                + "(select id from resident where psn_no = $1)", "T" + wenshui.certno());

        start(weihai, Map.of("residentCode", residentCode(wenshui))).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("辖区"));
        // By ID number and name, "insured elsewhere" must read exactly like "no such person": the worker learns
        // nothing about who is insured where. The audit row keeps the real reason.
        String requestId = "assist-region-" + UUID.randomUUID();
        String otherRegion = new String(portal.post().uri("/api/v1/assist/sessions").headers(h -> {
                    h.setBearerAuth(weihai);
                    h.set("X-Request-Id", requestId);
                }).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("certno", wenshui.certno(), "name", wenshui.name())).exchange()
                .expectStatus().isNotFound().expectBody().returnResult().getResponseBody(),
                java.nio.charset.StandardCharsets.UTF_8);
        String wrongName = new String(start(weihai, Map.of("certno", wenshui.certno(), "name", "祁错")).expectStatus()
                .isNotFound().expectBody().returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        String nobody = new String(start(weihai, Map.of("certno", "110101199003078515", "name", "无此人")).expectStatus()
                .isNotFound().expectBody().returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json(otherRegion.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("detail").asString())
                .isEqualTo(json(wrongName.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("detail").asString())
                .isEqualTo(json(nobody.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("detail").asString());
        assertThat(otherRegion.replaceAll("\"instance\":\"[^\"]*\"", "")).as("the same answer, byte for byte")
                .isEqualTo(wrongName.replaceAll("\"instance\":\"[^\"]*\"", ""));
        assertThat(count("select count(*) from audit_event where request_id = $1 and action = 'ASSIST_START' "
                + "and outcome = 'FAILURE' and detail = 'assist.audit.byIdNumber.otherRegion'", requestId)).isEqualTo(1);

        assertThat(count("select count(*) from assist_session where resident_id = "
                + "(select id from resident where psn_no = $1)", "T" + wenshui.certno())).isEqualTo(sessions);
        // …while a Weihai resident is theirs to help.
        startFromCode(weihai, fresh(WEIHAI, "祁南"));
    }

    @Test
    void bindingFamilyWhileAssistingIsRefusedChangesNothingAndIsAuditedOnce() throws InterruptedException {
        Resident resident = fresh(WENSHUI, "祁东");
        Resident relative = fresh(WENSHUI, "祁西");
        String staff = staff();
        String session = startFromCode(staff, resident);
        long bindings = count("select count(*) from family_binding");

        portal.post().uri("/api/v1/family").headers(h -> {
                    h.setBearerAuth(staff);
                    h.set("X-Assist-Session", session);
                    h.set("X-Request-Id", "assist-bind-" + session);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("certno", relative.certno(), "name", relative.name(), "relation", "SPOUSE"))
                .exchange().expectStatus().isForbidden();

        assertThat(count("select count(*) from family_binding")).isEqualTo(bindings);
        assertThat(assistAuditRows("assist-bind-" + session, session)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where request_id = $1 and outcome = 'FAILURE'",
                "assist-bind-" + session)).isEqualTo(1);
        JsonNode history = json(portal.get().uri("/api/v1/assist/history").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(history.get(0).get("actions").get(0).get("action").asString())
                .as("the resident reads what was attempted").isEqualTo("被拒绝：绑定家庭成员");
    }

    @Test
    void byIdNumberAndNameTheResidentApprovesOnTheirPhoneAndOnlyThenTheWorkerMayAct() {
        Resident resident = fresh(WENSHUI, "祁安");
        String staff = staff();
        start(staff, Map.of("certno", resident.certno(), "name", "祁错")).expectStatus().isNotFound();
        JsonNode waiting = json(start(staff, Map.of("certno", resident.certno(), "name", resident.name()))
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String session = waiting.get("sessionId").asString();
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_RESIDENT");
        refused("/api/v1/me", staff, session, "尚未同意");

        JsonNode requests = json(portal.get().uri("/api/v1/assist/requests").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("staffName").asString()).contains("*");
        portal.post().uri("/api/v1/assist/requests/" + session + "/approve").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");

        actingGet("/api/v1/me", staff, session).expectStatus().isOk();
        portal.post().uri("/api/v1/assist/requests/" + session + "/approve").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void aDeclinedRequestNeverLetsTheWorkerAct() {
        Resident resident = fresh(WENSHUI, "祁宁");
        String staff = staff();
        String session = json(start(staff, Map.of("certno", resident.certno(), "name", resident.name()))
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("sessionId").asString();
        Resident stranger = fresh(WENSHUI, "祁外");
        portal.post().uri("/api/v1/assist/requests/" + session + "/approve").headers(h -> h.setBearerAuth(stranger.token()))
                .exchange().expectStatus().isNotFound();

        portal.post().uri("/api/v1/assist/requests/" + session + "/decline").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DECLINED");

        refused("/api/v1/me", staff, session, "拒绝");
    }

    @Test
    void theResidentReadsOutTheOneTimeCodeAndFiveWrongTriesVoidTheRequest() {
        Resident resident = fresh(WENSHUI, "祁平");
        String staff = staff();
        String session = json(start(staff, Map.of("certno", resident.certno(), "name", resident.name()))
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("sessionId").asString();
        String code = json(portal.get().uri("/api/v1/assist/requests").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody())
                .get(0).get("oneTimeCode").asString();
        assertThat(code).matches("\\d{6}");
        String wrong = code.equals("000000") ? "111111" : "000000";

        confirm(staff, session, wrong).expectStatus().isBadRequest();
        confirm(staff, session, code).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        actingGet("/api/v1/contributions", staff, session).expectStatus().isOk();

        String guessed = json(start(staff, Map.of("certno", resident.certno(), "name", resident.name()))
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("sessionId").asString();
        for (int i = 0; i < 4; i++) {
            confirm(staff, guessed, "99999" + i).expectStatus().isBadRequest();
        }
        confirm(staff, guessed, "999994").expectStatus().isEqualTo(409);
        assertThat(status(guessed)).isEqualTo("DECLINED");
    }

    @Test
    void theResidentsRecordNamesTheFilingAndTheOrderMadeForThemAndLinksToThem() {
        Resident resident = fresh(WENSHUI, "祁多");
        String staff = staff();
        String session = startFromCode(staff, resident);
        JsonNode filing = json(actingPost("/api/v1/filings", staff, session)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "LONG_TERM_RESIDENCE", "insured", "SELF", "destination", "210100",
                        "startDate", "2023-10-15", "reason", "随子女生活", "commitment", true))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        JsonNode order = json(actingPost("/api/v1/payments", staff, session)
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String paymentId = order.get("paymentId").asString();
        String orderNo = json(actingGet("/api/v1/payments/" + paymentId, staff, session).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).get("orderNo").asString();

        JsonNode actions = json(portal.get().uri("/api/v1/assist/history").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).get(0).get("actions");
        assertThat(actions).hasSize(3);
        assertThat(actions.get(0).get("action").asString()).isEqualTo("办理异地就医备案");
        assertThat(actions.get(0).get("objectKind").asString()).isEqualTo("FILING");
        assertThat(actions.get(0).get("objectNumber").asString()).isEqualTo(filing.get("number").asString());
        assertThat(actions.get(0).get("objectId").asString()).isEqualTo(filing.get("id").asString());
        assertThat(actions.get(1).get("action").asString()).isEqualTo("发起缴费");
        assertThat(actions.get(1).get("objectKind").asString()).isEqualTo("PAYMENT");
        assertThat(actions.get(1).get("objectNumber").asString()).isEqualTo(orderNo);
        assertThat(actions.get(1).get("objectId").asString()).isEqualTo(paymentId);
        assertThat(actions.get(2).get("action").asString()).isEqualTo("查看缴费订单");
        assertThat(actions.get(2).path("objectNumber").isNull()).as("viewing makes nothing").isTrue();

        String page = page(signIn.as("assist-history-" + UUID.randomUUID(), resident.claims()), "/assist/history");
        assertThat(page).contains(filing.get("number").asString(), orderNo,
                "href=\"/filing/" + filing.get("id").asString() + "\"", "href=\"/payment/" + paymentId + "\"");
        assertThat(count("select count(*) from audit_event where assist_session_id = $1 and action = 'ASSIST_ACTION' "
                + "and object_id = $2 and detail like '%' || $3", UUID.fromString(session), paymentId, orderNo))
                .as("the audit row names the order too").isEqualTo(1);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec confirm(String staff, String session,
                                                                                          String code) {
        return portal.post().uri("/api/v1/assist/sessions/" + session + "/code").headers(h -> h.setBearerAuth(staff))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", code)).exchange();
    }
}
