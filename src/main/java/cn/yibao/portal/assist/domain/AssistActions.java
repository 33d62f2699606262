package cn.yibao.portal.assist.domain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an assisted request reads in the resident's "代办记录" and the audit rows: a short Chinese label that depends on
 * method and path (a refused bind attempt reads "绑定家庭成员", not "查看家庭成员"), and the object it touched.
 */
public final class AssistActions {

    private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** One line of the table: method, path (after an optional {@code /api/v1} prefix), label. */
    private record Label(String method, Pattern path, String label) {

        static Label of(String method, String regex, String label) {
            return new Label(method, Pattern.compile(regex), label);
        }

        boolean matches(String requestMethod, String target) {
            return method.equals(requestMethod) && path.matcher(target).matches();
        }
    }

    private static final String ID = "[^/]+";

    /** Page paths and API paths (without {@code /api/v1}) side by side; first match wins. */
    private static final List<Label> LABELS = List.of(
            Label.of("GET", "/home|/me", "查看首页"),
            Label.of("GET", "/contributions?", "查看应缴金额"),
            // Family: looking is allowed, changing never is; each change has its own name.
            Label.of("GET", "/family", "查看家庭成员"),
            Label.of("POST", "/family(/bind)?", "绑定家庭成员"),
            Label.of("POST", "/family/" + ID + "/unbind", "解除绑定家庭成员"),
            Label.of("DELETE", "/family/" + ID, "解除绑定家庭成员"),
            Label.of("GET", "/family/invitations", "查看绑定邀请"),
            Label.of("POST", "/family/invitations/" + ID + "/accept", "接受绑定邀请"),
            Label.of("POST", "/family/invitations/" + ID + "/decline", "拒绝绑定邀请"),
            Label.of("POST", "/family/invitations/" + ID + "/" + ID, "回应绑定邀请"),
            // Payments.
            Label.of("GET", "/payments", "查看缴费记录"),
            Label.of("GET", "/payment/new", "选择缴费人员"),
            Label.of("GET", "/payment/wechat-auth", "微信授权（付款人本人）"),
            Label.of("POST", "/payment/review", "核对缴费金额"),
            Label.of("POST", "/payments?", "发起缴费"),
            Label.of("POST", "/payments?/" + ID + "/cash", "登记现金代收"),
            Label.of("GET", "/payment/" + ID + "/receipts/" + ID, "查看缴费凭证"),
            Label.of("GET", "/receipts/" + ID, "查看缴费凭证"),
            Label.of("GET", "/payments?/" + ID + "(/status)?", "查看缴费订单"),
            // Remote-settlement filings.
            Label.of("GET", "/filings?", "查看异地就医备案"),
            Label.of("GET", "/filing/new(/" + ID + ")?|/filings/types", "查看备案类型"),
            Label.of("POST", "/filing/review", "核对异地就医备案"),
            Label.of("POST", "/filings?", "办理异地就医备案"),
            Label.of("POST", "/filings?/" + ID + "/cancel", "取消异地就医备案"),
            Label.of("GET", "/filing/" + ID + "/materials/" + ID, "查看备案材料"),
            Label.of("GET", "/filings?/" + ID, "查看异地就医备案"),
            // Benefits and two-disease prescriptions.
            Label.of("GET", "/benefits", "查看待遇"),
            Label.of("POST", "/benefits/estimate", "估算报销"),
            Label.of("GET", "/prescriptions(/" + ID + ")?", "查看两病处方"),
            // The resident's own codes, consent and record.
            Label.of("GET", "/code(/current|/image\\.svg)?|/codes/resident", "查看医保码"),
            Label.of("GET", "/assist/requests", "查看代办请求"),
            Label.of("POST", "/assist/requests/" + ID + "/approve", "同意代办请求"),
            Label.of("POST", "/assist/requests/" + ID + "/decline", "拒绝代办请求"),
            Label.of("POST", "/assist/requests/" + ID + "/" + ID, "回应代办请求"),
            Label.of("GET", "/assist/history", "查看代办记录"),
            Label.of("POST", "/assist/history/" + ID + "/revoke", "撤销代办授权"));

    private AssistActions() {
    }

    /** The label of a request; one nobody named yet reads as its method and path. */
    public static String label(String method, String path) {
        String target = path.startsWith("/api/v1/") ? path.substring(7) : path;
        return LABELS.stream().filter(label -> label.matches(method, target)).map(Label::label).findFirst()
                .orElse(method + " " + path);
    }

    /** The last id in the path (an order, a filing…), or null. */
    public static String objectId(String path) {
        Matcher matcher = UUID_IN_PATH.matcher(path);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        return last;
    }
}
