package cn.yibao.portal.assist.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How an assisted request reads in the resident's "代办记录": a short Chinese label and the object it touched. */
public final class AssistActions {

    private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private AssistActions() {
    }

    public static String label(String method, String path) {
        String target = path.startsWith("/api/v1/") ? path.substring(7) : path;
        boolean write = !method.equals("GET");
        if (target.startsWith("/filing")) {
            if (target.endsWith("/cancel")) {
                return "取消异地就医备案";
            }
            return write ? (target.equals("/filing/review") ? "核对异地就医备案" : "办理异地就医备案") : "查看异地就医备案";
        }
        if (target.endsWith("/cash")) {
            return "登记现金代收";
        }
        if (target.startsWith("/payment") || target.startsWith("/receipts")) {
            return write ? (target.equals("/payment/review") ? "核对缴费金额" : "发起缴费") : "查看缴费订单或凭证";
        }
        if (target.startsWith("/contribution")) {
            return "查看应缴金额";
        }
        if (target.startsWith("/family")) {
            return "查看家庭成员";
        }
        if (target.startsWith("/benefits")) {
            return write ? "估算报销" : "查看待遇";
        }
        if (target.startsWith("/prescriptions")) {
            return "查看两病处方";
        }
        if (target.equals("/home") || target.equals("/me")) {
            return "查看首页";
        }
        return method + " " + path;
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
