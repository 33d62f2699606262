package cn.yibao.portal.assist.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a help-desk worker may do while acting for a resident. Checked on the server for every request: the session
 * must be the worker's own and active, and the route must be on the list of things a worker may do for someone —
 * viewing contributions, benefits, prescriptions, payments and filings; starting a payment the resident pays on
 * their own phone; filing or cancelling a filing. Binding family, the resident's own codes and sign-in, and
 * answering assist requests are never on it.
 */
public final class AssistRules {

    /** A route a worker may use while assisting: method and path pattern. */
    public record AllowedRoute(String method, Pattern path) {

        static AllowedRoute of(String method, String regex) {
            return new AllowedRoute(method, Pattern.compile(regex));
        }

        boolean matches(String requestMethod, String requestPath) {
            return method.equals(requestMethod) && path.matcher(requestPath).matches();
        }
    }

    private static final String ID = "[^/]+";

    public static final List<AllowedRoute> ALLOWED = List.of(
            AllowedRoute.of("GET", "/home"),
            AllowedRoute.of("GET", "/api/v1/me"),
            AllowedRoute.of("GET", "/contribution"),
            AllowedRoute.of("GET", "/api/v1/contributions"),
            AllowedRoute.of("GET", "/family"),
            AllowedRoute.of("GET", "/api/v1/family"),
            AllowedRoute.of("GET", "/payments"),
            AllowedRoute.of("GET", "/payment/new"),
            AllowedRoute.of("POST", "/payment/review"),
            AllowedRoute.of("POST", "/payment"),
            AllowedRoute.of("GET", "/payment/" + ID),
            AllowedRoute.of("GET", "/payment/" + ID + "/status"),
            AllowedRoute.of("POST", "/payment/" + ID + "/cash"),
            AllowedRoute.of("GET", "/payment/" + ID + "/receipts/" + ID),
            AllowedRoute.of("GET", "/api/v1/payments"),
            AllowedRoute.of("POST", "/api/v1/payments"),
            AllowedRoute.of("GET", "/api/v1/payments/" + ID),
            AllowedRoute.of("POST", "/api/v1/payments/" + ID + "/cash"),
            AllowedRoute.of("GET", "/api/v1/receipts/" + ID),
            AllowedRoute.of("GET", "/filing"),
            AllowedRoute.of("GET", "/filing/new"),
            AllowedRoute.of("GET", "/filing/new/" + ID),
            AllowedRoute.of("POST", "/filing/review"),
            AllowedRoute.of("POST", "/filing"),
            AllowedRoute.of("GET", "/filing/" + ID),
            AllowedRoute.of("POST", "/filing/" + ID + "/cancel"),
            AllowedRoute.of("GET", "/filing/" + ID + "/materials/" + ID),
            AllowedRoute.of("GET", "/api/v1/filings/types"),
            AllowedRoute.of("GET", "/api/v1/filings"),
            AllowedRoute.of("POST", "/api/v1/filings"),
            AllowedRoute.of("GET", "/api/v1/filings/" + ID),
            AllowedRoute.of("POST", "/api/v1/filings/" + ID + "/cancel"),
            // Benefits and two-disease prescriptions (issue #7) are views a worker may show.
            AllowedRoute.of("GET", "/benefits"),
            AllowedRoute.of("GET", "/api/v1/benefits"),
            AllowedRoute.of("POST", "/api/v1/benefits/estimate"),
            AllowedRoute.of("GET", "/prescriptions"),
            AllowedRoute.of("GET", "/prescriptions/" + ID),
            AllowedRoute.of("GET", "/api/v1/prescriptions"),
            AllowedRoute.of("GET", "/api/v1/prescriptions/" + ID));

    /**
     * Routes an allowed pattern would also match that a worker never uses: WeChat's authorization of the resident's
     * own WeChat account for payment (the resident pays on their own phone).
     */
    public static final List<AllowedRoute> NEVER = List.of(AllowedRoute.of("GET", "/payment/wechat-auth"));

    private AssistRules() {
    }

    public static boolean allows(String method, String path) {
        return NEVER.stream().noneMatch(route -> route.matches(method, path))
                && ALLOWED.stream().anyMatch(route -> route.matches(method, path));
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
