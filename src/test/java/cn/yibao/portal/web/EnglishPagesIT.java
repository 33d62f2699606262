package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.ChineseOutsideZh;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.FreshStaff;
import cn.yibao.portal.support.Household;
import cn.yibao.portal.support.PortalIntegrationTest;
import cn.yibao.portal.support.RouteCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page in English has no Chinese outside {@code lang="zh-CN"}: only proper names (people, regions, hospitals,
 * pharmacies) and document references may stay Chinese, each marked so that a screen reader reads it right.
 *
 * <p>"Every page" is every GET route the router functions declare (found by walking them, as
 * {@code ResidentRoutesUnderLoadIT} does, so a page added tomorrow is checked too) less the answers that are not
 * pages ({@link #NOT_PAGES}, each with what it is) and the JSON API: the public pages; each resident page for a
 * household with records (paid order and receipts, filings, a prescription, an ended assisted session) and for a
 * resident with an open order and a referral under review, for whom a help-desk worker acts (the worker's view of
 * the home page, with the assist banner, is checked too); each staff page for a 文水 staff member with every role;
 * the error pages (404, the no-permission page, a form's address opened as a page; the busy and server-error pages
 * from their templates); and form pages after a bad submit (their validation messages) and after a good one (the
 * summaries and previews). A form refused for a missing CSRF token answers a plain-text 403, not a page.
 * The sandbox issuer's sign-in pages are not the portal's (they belong to the stand-in e-voucher issuer and go away
 * in production); the sandbox payment channel's cashier is rendered by the portal and is checked.
 *
 * <p>Each offending text is reported with its page and the CSS path of its element; the whole list is also written
 * to {@code target/english-pages.txt}.
 */
class EnglishPagesIT extends PortalIntegrationTest {

    private static final String WENSHUI = "141121";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** GET routes that answer something other than a page, and what they answer. */
    private static final Map<String, String> NOT_PAGES = Map.of(
            "GET /code/current", "the 医保码's next token (JSON, polled by the code page)",
            "GET /code/image.svg", "the 医保码 as an image",
            "GET /codes/image/{token}.png", "a code as an image",
            "GET /codes/image/{token}.svg", "a code as an image",
            "GET /filing/{id}/materials/{material}", "an uploaded proof (the resident's own file)",
            "GET /staff/filings/{id}/materials/{material}", "an uploaded proof (the resident's own file)",
            "GET /payment/{id}/status", "an order's status (JSON, polled by the result page)",
            "GET /sandbox-pay/bills/{date}", "the sandbox channel's daily bill (CSV in the channel's format)",
            "GET /login/evoucher", "the e-voucher sign-in's redirect to the national platform's authorization page",
            "GET (static resources)", "CSS, scripts and images");

    /** Pages anyone may open, signed in or not. */
    private static final Set<String> PUBLIC = Set.of("GET /", "GET /contribution/calculator", "GET /policy/documents",
            "GET /pay/{token}", "GET /upload-too-large", "GET /sandbox-pay/cashier/{orderNo}");

    /** Pages that answer other than 200 on purpose, and why. */
    private static final Map<String, Integer> NOT_OK = Map.of(
            // A pay link for a code that is not one: the 404 page (a real one sends the phone to the channel).
            "GET /pay/{token}", 404,
            // WeChat's authorization callback exists only where WeChat Pay is configured (not in the sandbox).
            "GET /payment/wechat-auth", 404);

    @Autowired
    private List<RouterFunction<?>> routers;

    @Autowired
    private BusinessClock clock;

    @Autowired
    private org.thymeleaf.ITemplateEngine templates;

    /** The pages seen, in order: what was asked, the status and the HTML. */
    private final List<Seen> seen = new ArrayList<>();
    private final Set<String> routesSeen = new TreeSet<>();
    private final List<String> unexpected = new ArrayList<>();

    record Seen(String page, int status, String html) {
    }

    @Test
    void everyPageInEnglishHasNoChineseOutsideLangZhCn() throws Exception {
        Household household = Household.create(portal, signIn, database, "蔺");
        Pending pending = pending();

        English visitor = english(signIn.newBrowser(), "/");
        English resident = english(household.browser, "/home");
        English waiting = english(pending.browser(), "/home");
        String allRoles = FreshStaff.claims(WENSHUI, Arrays.stream(StaffRole.values()).map(Enum::name)
                .toArray(String[]::new));
        English staff = english(signIn.asStaff(FreshStaff.login(), allRoles), "/staff");

        // A help-desk worker acts for the pending resident: the worker sees their home page with the assist banner.
        String code = json(get(pending.token(), "/api/v1/codes/resident")).get("token").asString();
        staff.post("/staff/assist/code", "/staff/assist", Map.of("residentCode", code), "staff: assist, asked the resident");

        List<String> routes = RouteCatalog.of(routers).stream()
                .filter(route -> route.startsWith("GET ") && !route.startsWith("GET /api/"))
                .filter(route -> !NOT_PAGES.containsKey(route))
                .toList();
        assertThat(routes).as("the pages this test found").contains("GET /", "GET /home", "GET /benefits",
                "GET /filing/{id}", "GET /staff", "GET /staff/filings/{id}", "GET /payment/{id}");

        for (String route : routes) {
            if (route.equals("GET /filing/review")) {
                continue; // the summary again, from a draft: opened below after the first step was sent
            }
            String pattern = route.substring("GET ".length());
            int expected = NOT_OK.getOrDefault(route, 200);
            if (PUBLIC.contains(route)) {
                for (String path : fill(pattern, household, pending)) {
                    visitor.get(route, path, expected);
                }
            } else if (pattern.equals("/staff") || pattern.startsWith("/staff/")) {
                for (String path : fill(pattern, household, pending)) {
                    staff.get(route, path, expected);
                }
                if (pattern.equals("/staff/filings/{id}")) {
                    staff.get(route, "/staff/filings/" + pending.filingId(), 200);
                }
            } else if (pattern.equals("/verify")) {
                staff.get(route, "/verify?t=" + json(get(household.owner.token(), "/api/v1/codes/resident"))
                        .get("token").asString(), 200);
                visitor.get(route, "/verify?t=AQAB-not-a-code", 200);
            } else {
                for (String path : fill(pattern, household, pending)) {
                    resident.get(route, path, expected);
                }
                if (!pattern.contains("{")) {
                    waiting.get(route, pattern, expected);
                } else if (pattern.equals("/payment/{id}")) {
                    waiting.get(route, "/payment/" + pending.paymentId(), 200);
                } else if (pattern.equals("/filing/{id}")) {
                    waiting.get(route, "/filing/" + pending.filingId(), 200);
                }
            }
        }

        // Good and bad submits: the calculator's and the estimate's answers, and their validation messages.
        visitor.get("calculator, a quote", "/contribution/calculator?region=141121&year=2024&category=ADULT"
                + "&assistance=MINIMUM_LIVING", 200);
        visitor.get("calculator, bad input", "/contribution/calculator?region=999999&year=1900&category=NOPE", 200, 400);
        resident.get("benefits, an estimate", "/benefits?year=2024&expense=5000&setting=INPATIENT&level=SECONDARY"
                + "&remote=NONE#estimate", 200);
        resident.get("benefits, an estimate out of area", "/benefits?year=2024&expense=86.50&setting=OUTPATIENT"
                + "&level=PRIMARY&remote=UNFILED_TEMPORARY", 200);
        resident.get("benefits, bad amount", "/benefits?year=2024&expense=abc&setting=INPATIENT&level=SECONDARY"
                + "&remote=NONE", 200, 400, 422);
        waiting.post("/payment/review", "/payment/new?year=2024", Map.of("year", "2024", "channel", "SANDBOX"),
                "payment, review with nobody chosen");
        waiting.post("/payment/review", "/payment/new?year=2024", Map.of("year", "2024", "channel", "SANDBOX",
                "insured", "SELF"), "payment, review");
        waiting.post("/filing/review", "/filing/new/LONG_TERM_RESIDENCE", Map.of("type", "LONG_TERM_RESIDENCE",
                "insured", "SELF"), "filing, first step with nothing typed");
        waiting.post("/filing/review", "/filing/new/OTHER_TEMPORARY", Map.of("type", "OTHER_TEMPORARY",
                "insured", "SELF", "province", "350000", "destination", "350100", "startDate", clock.today().plusMonths(7).toString(),
                "reason", "Visiting family"), "filing, the summary");
        waiting.get("GET /filing/review", "/filing/review", 200);
        resident.post("/family/bind", "/family", Map.of("certno", "123", "name", "", "relation", "CHILD"),
                "family, bind with a wrong ID number");
        staff.post("/staff/verify", "/staff", Map.of("token", "not-a-code"), "staff: counter, a wrong code");
        staff.post("/staff/assist/code", "/staff/assist", Map.of("residentCode", "not-a-code"),
                "staff: assist, a wrong code");
        staff.post("/staff/assist/request", "/staff/assist", Map.of("certno", "123", "name", ""),
                "staff: assist, a wrong ID number");
        staff.post("/staff/payments/refunds", "/staff/payments", Map.of("orderNo", "NO-SUCH-ORDER",
                "reason", "Paid twice"), "staff: refund of no order");
        staff.post("/staff/payments/refunds", "/staff/payments", Map.of("orderNo", orderNo(household),
                "reason", "Insured where they work now"), "staff: refund preview");
        staff.post("/staff/filings/" + pending.filingId() + "/decision", "/staff/filings/" + pending.filingId(),
                Map.of("decision", "reject", "reason", ""), "staff: filing, refusal with no reason");
        staff.upload("/staff/imports", "/staff/imports", "kind", "assistance", "file", "wrong.csv",
                "certno,name\n123,\n".getBytes(StandardCharsets.UTF_8), "staff: import, a wrong file");
        staff.upload("/staff/payments/reconciliations", "/staff/payments", "channel", "SANDBOX", "bill", "bill.csv",
                "not,a,bill\n".getBytes(StandardCharsets.UTF_8), "staff: reconciliation, a wrong bill");

        // Error pages.
        resident.get("404", "/no-such-page", 404);
        resident.get("404, signed in", "/filing/" + UUID.randomUUID(), 404);
        English helpDeskOnly = english(signIn.asStaff(FreshStaff.login(), FreshStaff.claims(WENSHUI, "HELP_DESK")),
                "/staff");
        helpDeskOnly.get("403, no permission", "/staff/payments", 403);
        resident.get("403, a resident on a staff page", "/staff/payments", 403, 302, 303);
        resident.send(HttpMethod.GET, "/family/bind", "a form's address opened as a page", 404, 405);

        assertThat(routesSeen).as("every page route was opened in English").isEqualTo(new TreeSet<>(routes));
        report();
    }

    /**
     * The pages of a server error and of a busy database are reached only when the portal is failing (the outage test
     * stops its own database for that); here the same templates are rendered in English as the error handler would.
     */
    @Test
    void theBusyAndServerErrorPagesInEnglishHaveNoChineseOutsideLangZhCn() {
        for (String kind : List.of("503", "5xx")) {
            String html = templates.process("error/" + kind, new org.thymeleaf.context.Context(java.util.Locale.ENGLISH));
            Document page = Jsoup.parse(html);
            assertThat(page.selectFirst("html").attr("lang")).as(kind).isEqualTo("en");
            assertThat(page.select("h1").text()).as(kind).isNotBlank();
            assertThat(ChineseOutsideZh.in(page)).as("error/%s in English", kind).isEmpty();
        }
    }

    // ---- who opens the pages --------------------------------------------------------------------------------

    /** A browser in English: {@code ?lang=en} once sets the cookie; then every request sends it, as a browser would. */
    private English english(BrowserSession browser, String firstPage) {
        EntityExchangeResult<byte[]> first = browser.client().get().uri(firstPage + "?lang=en")
                .accept(MediaType.TEXT_HTML).exchange().expectBody().returnResult();
        ResponseCookie chosen = first.getResponseCookies().getFirst("PORTAL_LANG");
        assertThat(chosen).as("?lang=en sets the language cookie").isNotNull();
        assertThat(chosen.getValue()).isEqualTo("en");
        WebTestClient client = browser.client().mutate().defaultCookie("PORTAL_LANG", "en").build();
        return new English(client, browser);
    }

    private final class English {

        private final WebTestClient client;
        private final BrowserSession browser;

        English(WebTestClient client, BrowserSession browser) {
            this.client = client;
            this.browser = browser;
        }

        void get(String route, String path, int... expected) {
            EntityExchangeResult<byte[]> answer = client.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                    .expectBody().returnResult();
            see(route.startsWith("GET /") ? route + "  " + path : route + "  (GET " + path + ")", answer, expected);
            if (route.startsWith("GET /")) {
                routesSeen.add(route);
            }
        }

        void send(HttpMethod method, String path, String name, int... expected) {
            see(name + "  (" + method + " " + path + ")", client.method(method).uri(path).accept(MediaType.TEXT_HTML)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).exchange().expectBody().returnResult(), expected);
        }

        /** A form as the page {@code formPage} sends it (with its CSRF token); the page that answers is checked. */
        void post(String path, String formPage, Map<String, String> fields, String name) {
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("_csrf", BrowserSession.csrf(html(formPage)));
            fields.forEach(form::add);
            EntityExchangeResult<byte[]> answer = client.post().uri(path).accept(MediaType.TEXT_HTML)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                    .exchange().expectBody().returnResult();
            answered(name + "  (POST " + path + ")", answer);
        }

        void upload(String path, String formPage, String field, String value, String fileField, String fileName,
                    byte[] content, String name) {
            MultipartBodyBuilder parts = new MultipartBodyBuilder();
            parts.part("_csrf", BrowserSession.csrf(html(formPage)));
            parts.part(field, value);
            parts.part(fileField, new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
            EntityExchangeResult<byte[]> answer = client.post().uri(path).accept(MediaType.TEXT_HTML)
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build()))
                    .exchange().expectBody().returnResult();
            answered(name + "  (POST " + path + ")", answer);
        }

        /** A submit answers with a page (the form again, or what comes next), or sends the browser on to one. */
        private void answered(String name, EntityExchangeResult<byte[]> answer) {
            int status = answer.getStatus().value();
            if (status == 303 || status == 302) {
                String next = answer.getResponseHeaders().getLocation().toString();
                get(name + ", then", next, 200);
            } else {
                see(name, answer, 200, 400, 404, 409, 422);
            }
        }

        private String html(String path) {
            return new String(client.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        }
    }

    private void see(String page, EntityExchangeResult<byte[]> answer, int... expected) {
        int status = answer.getStatus().value();
        String html = answer.getResponseBody() == null ? "" : new String(answer.getResponseBody(), StandardCharsets.UTF_8);
        if (Arrays.stream(expected).noneMatch(ok -> ok == status)) {
            unexpected.add(page + " answered " + status + ", not " + Arrays.toString(expected));
        }
        if (status >= 300 && status < 400) {
            return;
        }
        MediaType type = answer.getResponseHeaders().getContentType();
        if (type == null || !type.isCompatibleWith(MediaType.TEXT_HTML)) {
            unexpected.add(page + " is not a page: " + type);
            return;
        }
        seen.add(new Seen(page, status, html));
        try {
            Path copy = Path.of("target", "english-pages", String.format("%03d.html", seen.size()));
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, "<!-- " + page.replace("--", "- -") + " -->\n" + html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every page seen: {@code <html lang="en">}, and no Chinese outside {@code lang="zh-CN"}. */
    private void report() throws IOException {
        StringBuilder all = new StringBuilder();
        int findings = 0;
        Set<String> distinct = new TreeSet<>();
        for (Seen page : seen) {
            Document document = Jsoup.parse(page.html());
            List<String> problems = new ArrayList<>();
            if (!document.selectFirst("html").attr("lang").equals("en")) {
                problems.add("html[lang] : \"" + document.selectFirst("html").attr("lang") + "\" (not en)");
            }
            ChineseOutsideZh.in(document).forEach(finding -> problems.add(finding.toString()));
            if (!problems.isEmpty()) {
                all.append(page.page()).append(" [").append(page.status()).append("]\n");
                problems.forEach(problem -> all.append("    ").append(problem).append('\n'));
                findings += problems.size();
                distinct.addAll(problems.stream().map(p -> p.substring(p.indexOf(" : ") + 3)).toList());
            }
        }
        String summary = seen.size() + " pages seen in English: " + seen.stream().map(Seen::page)
                .collect(Collectors.joining("\n    ", "\n    ", "\n"));
        Path file = Path.of("target", "english-pages.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, summary + "\n" + findings + " Chinese texts outside lang=\"zh-CN\" (" + distinct.size()
                + " distinct):\n" + all + "\nUnexpected answers:\n" + String.join("\n", unexpected) + "\n",
                StandardCharsets.UTF_8);
        assertThat(seen).as("pages seen").hasSizeGreaterThan(40);
        assertThat(unexpected).as("pages that did not answer as this test expects").isEmpty();
        assertThat(all.toString()).as("Chinese outside lang=\"zh-CN\" on English pages (page, then CSS path : text);"
                + " all of it in %s", file.toAbsolutePath()).isEmpty();
    }

    // ---- the people and their things --------------------------------------------------------------------------

    /**
     * A resident of 文水 with an open 2024 order (unpaid, at the sandbox cashier), a referral under review, and
     * nobody bound.
     */
    record Pending(String token, BrowserSession browser, String paymentId, String orderNo, String filingId) {
    }

    private Pending pending() {
        String login = "english-" + UUID.randomUUID();
        String claims = FreshResidents.adultIn(WENSHUI, "欧阳青");
        String token = signIn.accessToken(login, claims);
        get(token, "/api/v1/me");
        String paymentId = json(portal.post().uri("/api/v1/payments").headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", "english-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("paymentId").asString();
        String orderNo = json(get(token, "/api/v1/payments/" + paymentId)).get("orderNo").asString();
        String filingId = json(portal.post().uri("/api/v1/filings").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "REFERRAL", "insured", "SELF", "destination", "140100",
                        "startDate", clock.today().toString(), "reason", "Referred to a hospital in Taiyuan"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("id").asString();
        return new Pending(token, signIn.as(login, claims), paymentId, orderNo, filingId);
    }

    private String orderNo(Household household) {
        return json(get(household.owner.token(), "/api/v1/payments/" + household.paymentId)).get("orderNo").asString();
    }

    /** The paths a route pattern opens: the household's own things (each filing type for the filing form). */
    private List<String> fill(String pattern, Household household, Pending pending) {
        if (pattern.contains("{type}")) {
            return Arrays.stream(FilingType.values()).map(type -> pattern.replace("{type}", type.name())).toList();
        }
        boolean filing = pattern.contains("filing");
        boolean prescription = pattern.contains("prescription");
        String path = pattern
                .replace("{id}", filing ? household.filingId : prescription ? household.prescriptionId
                        : household.paymentId)
                .replace("{file}", household.receiptNo)
                .replace("{orderNo}", pending.orderNo())
                .replace("{token}", "AQAB-not-a-code");
        Matcher unknown = Pattern.compile("\\{[^}]+}").matcher(path);
        assertThat(unknown.find()).as("a value for %s in %s: add it to fill()", path, pattern).isFalse();
        return List.of(path);
    }

    private byte[] get(String token, String path) {
        return portal.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
    }

    private static JsonNode json(byte[] body) {
        return JSON.readTree(body);
    }
}
