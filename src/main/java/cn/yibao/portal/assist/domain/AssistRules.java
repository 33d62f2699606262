package cn.yibao.portal.assist.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a help-desk worker may do while acting for a resident. Checked on the server for every request: the session
 * must be the worker's own and active, and the route must be on the list of things a worker may do for someone —
 * viewing contributions, benefits, prescriptions, payments and filings; starting a payment the resident pays on
 * their own phone; filing or cancelling a filing. Binding family, the resident's own codes and sign-in, and
 * answering assist requests are never on it.
 */
public final class AssistRules {

    /**
     * One line of the route table: a method and its paths (page and API), whether a worker may use them while
     * assisting, and how such a request reads in the resident's 代办记录 and the audit rows.
     */
    record Route(String method, Pattern path, boolean allowed, String label) {

        static Route allowed(String label, String method, String... paths) {
            return new Route(method, anyOf(paths), true, label);
        }

        static Route refused(String label, String method, String... paths) {
            return new Route(method, anyOf(paths), false, label);
        }

        private static Pattern anyOf(String... paths) {
            return Pattern.compile(Stream.of(paths).map(path -> "(?:" + path + ")").collect(Collectors.joining("|")));
        }

        boolean matches(String requestMethod, String requestPath) {
            return method.equals(requestMethod) && path.matcher(requestPath).matches();
        }
    }

    private static final String ID = "[^/]+";

    /**
     * Every resident route a worker may reach, each with its permission and its label in one line, so the two cannot
     * drift apart. The first line that matches decides: a refusal an allowed pattern would also match comes before
     * it, and a more specific label before a general one. A route on no line is refused and reads as its method and
     * path.
     */
    private static final List<Route> ROUTES = List.of(
            // The resident's own consent, codes and family bindings are theirs alone; so is WeChat's authorization of
            // their own WeChat for paying on their phone (GET /payment/{id} would match it otherwise).
            Route.refused("微信授权（付款人本人）", "GET", "/payment/wechat-auth"),
            Route.refused("绑定家庭成员", "POST", "/family/bind", "/api/v1/family"),
            Route.refused("解除绑定家庭成员", "POST", "/family/" + ID + "/unbind"),
            Route.refused("恢复绑定家庭成员", "POST", "/family/" + ID + "/rebind"),
            Route.refused("解除绑定家庭成员", "DELETE", "/api/v1/family/" + ID),
            Route.refused("查看绑定邀请", "GET", "/family/invitations", "/api/v1/family/invitations"),
            Route.refused("接受绑定邀请", "POST", "(/api/v1)?/family/invitations/" + ID + "/accept"),
            Route.refused("拒绝绑定邀请", "POST", "(/api/v1)?/family/invitations/" + ID + "/decline"),
            Route.refused("回应绑定邀请", "POST", "(/api/v1)?/family/invitations/" + ID + "/" + ID),
            Route.refused("查看医保码", "GET", "/code", "/code/current", "/code/image\\.svg", "/api/v1/codes/resident"),
            Route.refused("查看代办请求", "GET", "(/api/v1)?/assist/requests"),
            Route.refused("同意代办请求", "POST", "(/api/v1)?/assist/requests/" + ID + "/approve"),
            Route.refused("拒绝代办请求", "POST", "(/api/v1)?/assist/requests/" + ID + "/decline"),
            Route.refused("回应代办请求", "POST", "(/api/v1)?/assist/requests/" + ID + "/" + ID),
            Route.refused("查看代办记录", "GET", "(/api/v1)?/assist/history"),
            Route.refused("撤销代办授权", "POST", "(/api/v1)?/assist/history/" + ID + "/revoke"),
            // Viewing; looking at the family is allowed, changing it never is.
            Route.allowed("查看首页", "GET", "/home", "/api/v1/me"),
            Route.allowed("查看应缴金额", "GET", "/contribution", "/api/v1/contributions"),
            Route.allowed("查看家庭成员", "GET", "/family", "/api/v1/family"),
            // Payments the resident pays on their own phone, or in cash at the counter.
            Route.allowed("查看缴费记录", "GET", "/payments", "/api/v1/payments"),
            Route.allowed("选择缴费人员", "GET", "/payment/new"),
            Route.allowed("核对缴费金额", "POST", "/payment/review"),
            Route.allowed("发起缴费", "POST", "/payment", "/api/v1/payments"),
            Route.allowed("登记现金代收", "POST", "/payment/" + ID + "/cash", "/api/v1/payments/" + ID + "/cash"),
            Route.allowed("查看缴费凭证", "GET", "/payment/" + ID + "/receipts/" + ID, "/api/v1/receipts/" + ID),
            Route.allowed("查看缴费订单", "GET", "/payment/" + ID, "/payment/" + ID + "/status",
                    "/api/v1/payments/" + ID),
            // Remote-settlement filings.
            Route.allowed("查看备案类型", "GET", "/filing/new", "/filing/new/" + ID, "/api/v1/filings/types"),
            Route.allowed("核对异地就医备案", "GET", "/filing/review"),
            Route.allowed("查看备案材料", "GET", "/filing/" + ID + "/materials/" + ID),
            Route.allowed("查看异地就医备案", "GET", "/filing", "/filing/" + ID, "/api/v1/filings",
                    "/api/v1/filings/" + ID),
            Route.allowed("核对异地就医备案", "POST", "/filing/review"),
            Route.allowed("办理异地就医备案", "POST", "/filing", "/api/v1/filings"),
            Route.allowed("取消异地就医备案", "POST", "/filing/" + ID + "/cancel", "/api/v1/filings/" + ID + "/cancel"),
            // Benefits and two-disease prescriptions (issue #7) are views a worker may show; the pickup code is not
            // shown while assisting.
            Route.allowed("查看待遇", "GET", "/benefits", "/api/v1/benefits"),
            Route.allowed("估算报销", "POST", "/api/v1/benefits/estimate"),
            Route.allowed("查看两病处方", "GET", "/prescriptions", "/prescriptions/" + ID, "/api/v1/prescriptions",
                    "/api/v1/prescriptions/" + ID));

    private AssistRules() {
    }

    public static boolean allows(String method, String path) {
        return route(method, path).map(Route::allowed).orElse(false);
    }

    /** The table's line for a request: the first that matches. */
    static Optional<Route> route(String method, String path) {
        return ROUTES.stream().filter(route -> route.matches(method, path)).findFirst();
    }

    /** Why the session cannot be acted in now, or empty when it can. */
    public static Optional<String> cannotActBecause(AssistSession session, String staffId, Instant now) {
        if (!session.staffId().equals(staffId)) {
            return Optional.of("这不是您发起的代办。");
        }
        return switch (session.status()) {
            case ACTIVE -> now.isBefore(session.expiresAt()) ? Optional.empty()
                    : Optional.of("代办已超时结束，请重新取得参保人同意。");
            case AWAITING_RESIDENT -> Optional.of("参保人尚未同意代办。");
            case ENDED -> Optional.of("代办已结束。");
            case REVOKED -> Optional.of("参保人已撤销代办授权。");
            case EXPIRED -> Optional.of("代办已超时结束，请重新取得参保人同意。");
            case DECLINED -> Optional.of("参保人拒绝了代办请求。");
        };
    }

    /** Staff may assist only residents insured in their own region (the region itself or a place inside it). */
    public static boolean inRegion(String staffRegion, List<String> residentRegionPath) {
        return residentRegionPath.contains(staffRegion);
    }
}
