package cn.yibao.portal.assist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.text.RealBundles;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the resident reads in 代办记录 for each resident-scoped route: the label depends on method and path, so a
 * refused bind attempt is "绑定家庭成员" and never "查看家庭成员".
 */
class AssistActionsTest {

    static final String ID = "3f2b8c4e-1d2a-4b6f-9a0e-7c5d1e2f3a4b";
    static final String OTHER = "9a0e7c5d-1e2f-4a4b-8c4e-3f2b1d2a4b6f";

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("GET", "/home", "查看首页"),
                Arguments.of("GET", "/api/v1/me", "查看首页"),
                Arguments.of("GET", "/contribution", "查看应缴金额"),
                Arguments.of("GET", "/api/v1/contributions", "查看应缴金额"),
                Arguments.of("GET", "/family", "查看家庭成员"),
                Arguments.of("GET", "/api/v1/family", "查看家庭成员"),
                Arguments.of("POST", "/family/bind", "绑定家庭成员"),
                Arguments.of("POST", "/api/v1/family", "绑定家庭成员"),
                Arguments.of("POST", "/family/" + ID + "/unbind", "解除绑定家庭成员"),
                Arguments.of("DELETE", "/api/v1/family/" + ID, "解除绑定家庭成员"),
                Arguments.of("GET", "/api/v1/family/invitations", "查看绑定邀请"),
                Arguments.of("POST", "/family/invitations/" + ID + "/accept", "接受绑定邀请"),
                Arguments.of("POST", "/api/v1/family/invitations/" + ID + "/decline", "拒绝绑定邀请"),
                Arguments.of("POST", "/family/invitations/" + ID + "/maybe", "回应绑定邀请"),
                Arguments.of("GET", "/payments", "查看缴费记录"),
                Arguments.of("GET", "/api/v1/payments", "查看缴费记录"),
                Arguments.of("GET", "/payment/new", "选择缴费人员"),
                Arguments.of("GET", "/payment/wechat-auth", "微信授权（付款人本人）"),
                Arguments.of("POST", "/payment/review", "核对缴费金额"),
                Arguments.of("POST", "/payment", "发起缴费"),
                Arguments.of("POST", "/api/v1/payments", "发起缴费"),
                Arguments.of("GET", "/payment/" + ID, "查看缴费订单"),
                Arguments.of("GET", "/payment/" + ID + "/status", "查看缴费订单"),
                Arguments.of("GET", "/api/v1/payments/" + ID, "查看缴费订单"),
                Arguments.of("POST", "/payment/" + ID + "/cash", "登记现金代收"),
                Arguments.of("POST", "/api/v1/payments/" + ID + "/cash", "登记现金代收"),
                Arguments.of("GET", "/payment/" + ID + "/receipts/R1.pdf", "查看缴费凭证"),
                Arguments.of("GET", "/api/v1/receipts/" + ID, "查看缴费凭证"),
                Arguments.of("GET", "/filing", "查看异地就医备案"),
                Arguments.of("GET", "/api/v1/filings", "查看异地就医备案"),
                Arguments.of("GET", "/filing/new", "查看备案类型"),
                Arguments.of("GET", "/filing/new/REFERRAL", "查看备案类型"),
                Arguments.of("GET", "/api/v1/filings/types", "查看备案类型"),
                Arguments.of("POST", "/filing/review", "核对异地就医备案"),
                Arguments.of("POST", "/filing", "办理异地就医备案"),
                Arguments.of("POST", "/api/v1/filings", "办理异地就医备案"),
                Arguments.of("GET", "/filing/" + ID, "查看异地就医备案"),
                Arguments.of("GET", "/api/v1/filings/" + ID, "查看异地就医备案"),
                Arguments.of("POST", "/filing/" + ID + "/cancel", "取消异地就医备案"),
                Arguments.of("POST", "/api/v1/filings/" + ID + "/cancel", "取消异地就医备案"),
                Arguments.of("GET", "/filing/" + ID + "/materials/" + OTHER, "查看备案材料"),
                Arguments.of("GET", "/benefits", "查看待遇"),
                Arguments.of("GET", "/api/v1/benefits", "查看待遇"),
                Arguments.of("POST", "/api/v1/benefits/estimate", "估算报销"),
                Arguments.of("GET", "/prescriptions", "查看两病处方"),
                Arguments.of("GET", "/api/v1/prescriptions", "查看两病处方"),
                Arguments.of("GET", "/api/v1/prescriptions/" + ID, "查看两病处方"),
                Arguments.of("GET", "/code", "查看医保码"),
                Arguments.of("GET", "/code/current", "查看医保码"),
                Arguments.of("GET", "/code/image.svg", "查看医保码"),
                Arguments.of("GET", "/api/v1/codes/resident", "查看医保码"),
                Arguments.of("GET", "/assist/requests", "查看代办请求"),
                Arguments.of("GET", "/api/v1/assist/requests", "查看代办请求"),
                Arguments.of("POST", "/assist/requests/" + ID + "/approve", "同意代办请求"),
                Arguments.of("POST", "/api/v1/assist/requests/" + ID + "/decline", "拒绝代办请求"),
                Arguments.of("GET", "/assist/history", "查看代办记录"),
                Arguments.of("GET", "/api/v1/assist/history", "查看代办记录"),
                Arguments.of("POST", "/assist/history/" + ID + "/revoke", "撤销代办授权"),
                Arguments.of("POST", "/api/v1/assist/history/" + ID + "/revoke", "撤销代办授权"));
    }

    @ParameterizedTest(name = "{0} {1} reads \"{2}\"")
    @MethodSource("routes")
    void labelsEachRouteByMethodAndPath(String method, String path, String label) {
        assertThat(RealBundles.zh(AssistActions.label(method, path))).isEqualTo(label);
        assertThat(RealBundles.en(AssistActions.label(method, path))).doesNotContainPattern("\\p{IsHan}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PUT, /family", "PATCH, /api/v1/payments/x", "POST, /somewhere/new"})
    void aRouteNobodyNamedReadsAsItsMethodAndPath(String method, String path) {
        assertThat(RealBundles.zh(AssistActions.label(method, path))).isEqualTo(method + " " + path);
    }

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource(value = {
            "family.bind | 绑定家庭成员",
            "refused family.bind | 被拒绝：绑定家庭成员",
            "refused.region payment.start | 被拒绝（参保地不在本窗口辖区）：发起缴费",
            "refused.because.assist.cannot.ended home | 被拒绝（代办已结束。）：查看首页",
            "refused PUT /family | 被拒绝：PUT /family",
            "被拒绝：绑定家庭成员 | 被拒绝：绑定家庭成员"}, delimiter = '|')
    void aRecordedActionReadsInTheReadersLanguageAndOldChineseRowsAsWritten(String recorded, String chinese) {
        assertThat(RealBundles.zh(AssistActions.said(recorded))).isEqualTo(chinese);
    }

    @ParameterizedTest
    @CsvSource({"refused family.bind, Refused: Add a family member",
            "refused.because.assist.cannot.ended home, Refused (The help session has ended.): View the home page"})
    void inEnglishTheRecordReadsInEnglish(String recorded, String english) {
        assertThat(RealBundles.en(AssistActions.said(recorded))).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource({"POST, /family/bind, refused family.bind", "GET, /home, refused home"})
    void theRefusedCodeWrapsTheRoutesCode(String method, String path, String recorded) {
        assertThat(AssistActions.refused(AssistActions.code(method, path))).isEqualTo(recorded);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {
            "/payment/" + ID + "/receipts/R1.pdf | " + ID,
            "/filing/" + ID + "/materials/" + OTHER + " | " + OTHER,
            "/api/v1/payments | NULL",
            "/family/bind | NULL"}, delimiter = '|', nullValues = "NULL")
    void theObjectIsTheLastIdInThePath(String path, String objectId) {
        assertThat(AssistActions.objectId(path)).isEqualTo(objectId);
    }
}
