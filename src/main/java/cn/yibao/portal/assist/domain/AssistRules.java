package cn.yibao.portal.assist.domain;

import cn.yibao.portal.shared.Phrase;
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
     * assisting, and the code of how such a request reads in the resident's 代办记录 and the audit rows
     * ({@code assist.action.<code>} in the bundles).
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
            Route.refused("wechat-auth", "GET", "/payment/wechat-auth"),
            Route.refused("family.bind", "POST", "/family/bind", "/api/v1/family"),
            Route.refused("family.unbind", "POST", "/family/" + ID + "/unbind"),
            Route.refused("family.rebind", "POST", "/family/" + ID + "/rebind"),
            Route.refused("family.unbind", "DELETE", "/api/v1/family/" + ID),
            Route.refused("family.invitations", "GET", "/family/invitations", "/api/v1/family/invitations"),
            Route.refused("family.invitation.accept", "POST", "(/api/v1)?/family/invitations/" + ID + "/accept"),
            Route.refused("family.invitation.decline", "POST", "(/api/v1)?/family/invitations/" + ID + "/decline"),
            Route.refused("family.invitation.answer", "POST", "(/api/v1)?/family/invitations/" + ID + "/" + ID),
            Route.refused("code", "GET", "/code", "/code/current", "/code/image\\.svg", "/api/v1/codes/resident"),
            Route.refused("assist.requests", "GET", "(/api/v1)?/assist/requests"),
            Route.refused("assist.request.approve", "POST", "(/api/v1)?/assist/requests/" + ID + "/approve"),
            Route.refused("assist.request.decline", "POST", "(/api/v1)?/assist/requests/" + ID + "/decline"),
            Route.refused("assist.request.answer", "POST", "(/api/v1)?/assist/requests/" + ID + "/" + ID),
            Route.refused("assist.history", "GET", "(/api/v1)?/assist/history"),
            Route.refused("assist.revoke", "POST", "(/api/v1)?/assist/history/" + ID + "/revoke"),
            // Viewing; looking at the family is allowed, changing it never is.
            Route.allowed("home", "GET", "/home", "/api/v1/me"),
            Route.allowed("contribution", "GET", "/contribution", "/api/v1/contributions"),
            Route.allowed("family", "GET", "/family", "/api/v1/family"),
            // Payments the resident pays on their own phone, or in cash at the counter.
            Route.allowed("payments", "GET", "/payments", "/api/v1/payments"),
            Route.allowed("payment.choose", "GET", "/payment/new"),
            Route.allowed("payment.review", "POST", "/payment/review"),
            Route.allowed("payment.start", "POST", "/payment", "/api/v1/payments"),
            Route.allowed("payment.cash", "POST", "/payment/" + ID + "/cash", "/api/v1/payments/" + ID + "/cash"),
            Route.allowed("payment.receipt", "GET", "/payment/" + ID + "/receipts/" + ID, "/api/v1/receipts/" + ID),
            Route.allowed("payment.order", "GET", "/payment/" + ID, "/payment/" + ID + "/status",
                    "/api/v1/payments/" + ID),
            // Remote-settlement filings.
            Route.allowed("filing.types", "GET", "/filing/new", "/filing/new/" + ID, "/api/v1/filings/types"),
            Route.allowed("filing.review", "GET", "/filing/review"),
            Route.allowed("filing.material", "GET", "/filing/" + ID + "/materials/" + ID),
            Route.allowed("filing.view", "GET", "/filing", "/filing/" + ID, "/api/v1/filings",
                    "/api/v1/filings/" + ID),
            Route.allowed("filing.review", "POST", "/filing/review"),
            Route.allowed("filing.file", "POST", "/filing", "/api/v1/filings"),
            Route.allowed("filing.cancel", "POST", "/filing/" + ID + "/cancel", "/api/v1/filings/" + ID + "/cancel"),
            // Benefits and two-disease prescriptions (issue #7) are views a worker may show; the pickup code is not
            // shown while assisting.
            Route.allowed("benefits", "GET", "/benefits", "/api/v1/benefits"),
            Route.allowed("benefits.estimate", "POST", "/api/v1/benefits/estimate"),
            Route.allowed("prescriptions", "GET", "/prescriptions", "/prescriptions/" + ID, "/api/v1/prescriptions",
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

    /** Why the session cannot be acted in now ({@code assist.cannot.*}), or empty when it can. */
    public static Optional<Phrase> cannotActBecause(AssistSession session, String staffId, Instant now) {
        if (!session.staffId().equals(staffId)) {
            return Optional.of(Phrase.of("assist.cannot.not-yours"));
        }
        return switch (session.status()) {
            case ACTIVE -> now.isBefore(session.expiresAt()) ? Optional.empty()
                    : Optional.of(Phrase.of("assist.cannot.expired"));
            case AWAITING_RESIDENT -> Optional.of(Phrase.of("assist.cannot.awaiting"));
            case ENDED -> Optional.of(Phrase.of("assist.cannot.ended"));
            case REVOKED -> Optional.of(Phrase.of("assist.cannot.revoked"));
            case EXPIRED -> Optional.of(Phrase.of("assist.cannot.expired"));
            case DECLINED -> Optional.of(Phrase.of("assist.cannot.declined"));
        };
    }

    /** Staff may assist only residents insured in their own region (the region itself or a place inside it). */
    public static boolean inRegion(String staffRegion, List<String> residentRegionPath) {
        return residentRegionPath.contains(staffRegion);
    }
}
