package cn.yibao.portal.assist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.text.RealBundles;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a worker may do while assisting, route by route (the resident's own consent, codes, sign-in and family
 * bindings never); whether the session lets them act now; and the region rule.
 */
class AssistRulesTest {

    static final String ID = "3f2b8c4e-1d2a-4b6f-9a0e-7c5d1e2f3a4b";

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("GET", "/home", true), Arguments.of("GET", "/api/v1/me", true),
                Arguments.of("GET", "/contribution", true), Arguments.of("GET", "/api/v1/contributions", true),
                Arguments.of("GET", "/family", true), Arguments.of("GET", "/api/v1/family", true),
                Arguments.of("POST", "/family/bind", false), Arguments.of("POST", "/api/v1/family", false),
                Arguments.of("POST", "/family/" + ID + "/unbind", false),
                Arguments.of("DELETE", "/api/v1/family/" + ID, false),
                Arguments.of("GET", "/api/v1/family/invitations", false),
                Arguments.of("POST", "/family/invitations/" + ID + "/accept", false),
                Arguments.of("POST", "/api/v1/family/invitations/" + ID + "/accept", false),
                Arguments.of("GET", "/payments", true), Arguments.of("GET", "/payment/new", true),
                Arguments.of("GET", "/payment/wechat-auth", false),
                Arguments.of("POST", "/payment/review", true), Arguments.of("POST", "/payment", true),
                Arguments.of("GET", "/payment/" + ID, true), Arguments.of("GET", "/payment/" + ID + "/status", true),
                Arguments.of("POST", "/payment/" + ID + "/cash", true),
                Arguments.of("GET", "/payment/" + ID + "/receipts/R1.pdf", true),
                Arguments.of("GET", "/api/v1/payments", true), Arguments.of("POST", "/api/v1/payments", true),
                Arguments.of("GET", "/api/v1/payments/" + ID, true),
                Arguments.of("POST", "/api/v1/payments/" + ID + "/cash", true),
                Arguments.of("GET", "/api/v1/receipts/" + ID, true),
                Arguments.of("DELETE", "/api/v1/payments/" + ID, false),
                Arguments.of("GET", "/filing", true), Arguments.of("GET", "/filing/new", true),
                Arguments.of("GET", "/filing/new/REFERRAL", true), Arguments.of("POST", "/filing/review", true),
                Arguments.of("POST", "/filing", true), Arguments.of("GET", "/filing/" + ID, true),
                Arguments.of("POST", "/filing/" + ID + "/cancel", true),
                Arguments.of("GET", "/filing/" + ID + "/materials/" + ID, true),
                Arguments.of("GET", "/api/v1/filings/types", true), Arguments.of("GET", "/api/v1/filings", true),
                Arguments.of("POST", "/api/v1/filings", true), Arguments.of("GET", "/api/v1/filings/" + ID, true),
                Arguments.of("POST", "/api/v1/filings/" + ID + "/cancel", true),
                Arguments.of("GET", "/benefits", true), Arguments.of("GET", "/api/v1/benefits", true),
                Arguments.of("POST", "/api/v1/benefits/estimate", true),
                Arguments.of("GET", "/prescriptions", true), Arguments.of("GET", "/api/v1/prescriptions", true),
                Arguments.of("GET", "/api/v1/prescriptions/" + ID, true),
                Arguments.of("GET", "/code", false), Arguments.of("GET", "/code/current", false),
                Arguments.of("GET", "/code/image.svg", false), Arguments.of("GET", "/api/v1/codes/resident", false),
                Arguments.of("GET", "/assist/requests", false), Arguments.of("GET", "/api/v1/assist/requests", false),
                Arguments.of("POST", "/assist/requests/" + ID + "/approve", false),
                Arguments.of("POST", "/api/v1/assist/requests/" + ID + "/approve", false),
                Arguments.of("GET", "/assist/history", false), Arguments.of("GET", "/api/v1/assist/history", false),
                Arguments.of("POST", "/assist/history/" + ID + "/revoke", false),
                Arguments.of("POST", "/api/v1/assist/history/" + ID + "/revoke", false),
                // A path that merely starts like an allowed one is not allowed.
                Arguments.of("GET", "/filing/" + ID + "/materials", false),
                Arguments.of("GET", "/home/../code", false));
    }

    @ParameterizedTest(name = "{0} {1} allowed: {2}")
    @MethodSource("routes")
    void allowsOnlyTheListedRoutes(String method, String path, boolean allowed) {
        assertThat(AssistRules.allows(method, path)).isEqualTo(allowed);
    }

    private static final Instant STARTED = Instant.parse("2023-10-15T02:00:00Z");
    private static final Instant ENDS = STARTED.plusSeconds(30 * 60);

    private static AssistSession session(AssistStatus status) {
        return new AssistSession(UUID.randomUUID(), "S141121001", "马*", "文水县医保中心", "141121", UUID.randomUUID(),
                "RESIDENT_CODE", status, STARTED, STARTED.plusSeconds(600), STARTED, ENDS, null, null, 0);
    }

    @ParameterizedTest(name = "{0} at +{1}s: {2}")
    @CsvSource(value = {
            "ACTIVE | 0 | ",
            "ACTIVE | 1799 | ",
            "ACTIVE | 1800 | 代办已超时结束，请重新取得参保人同意。",
            "AWAITING_RESIDENT | 0 | 参保人尚未同意代办。",
            "ENDED | 0 | 代办已结束。",
            "REVOKED | 0 | 参保人已撤销代办授权。",
            "EXPIRED | 0 | 代办已超时结束，请重新取得参保人同意。",
            "DECLINED | 0 | 参保人拒绝了代办请求。"}, delimiter = '|')
    void aSessionLetsItsWorkerActOnlyWhileActiveAndInTime(AssistStatus status, long seconds, String refusal) {
        assertThat(AssistRules.cannotActBecause(session(status), "S141121001", STARTED.plusSeconds(seconds))
                .map(RealBundles::zh).orElse(null)).isEqualTo(refusal);
    }

    @ParameterizedTest
    @EnumSource(AssistStatus.class)
    void anotherWorkerNeverActsInTheSession(AssistStatus status) {
        assertThat(AssistRules.cannotActBecause(session(status), "S371000001", STARTED).map(RealBundles::zh))
                .contains("这不是您发起的代办。");
    }

    @ParameterizedTest(name = "staff of {0}, resident in {1}: {2}")
    @CsvSource(value = {
            "141121 | 140000,141100,141121 | true",
            "141100 | 140000,141100,141121 | true",
            "371000 | 140000,141100,141121 | false",
            "141121 | 140000,141100,141122 | false"}, delimiter = '|')
    void assistsOnlyResidentsOfTheWorkersRegion(String staffRegion, String residentPath, boolean inRegion) {
        assertThat(AssistRules.inRegion(staffRegion, List.of(residentPath.split(",")))).isEqualTo(inRegion);
    }
}
