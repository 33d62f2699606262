package cn.yibao.portal.identity.sandbox;

import static cn.yibao.portal.identity.sandbox.SimulatorWords.say;

import cn.yibao.portal.identity.DemoAccounts;
import cn.yibao.portal.identity.domain.mip.AuthorizationRequest;
import cn.yibao.portal.identity.domain.mip.ChannelEnvelope;
import cn.yibao.portal.identity.domain.mip.OneTimeCodes;
import cn.yibao.portal.identity.domain.mip.Sm4Ecb;
import cn.yibao.portal.identity.domain.mip.UserQuerySignature;
import cn.yibao.portal.shared.NationalId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's stand-in for the national e-voucher platform, under {@code /mip/} on the sandbox issuer's port. It
 * speaks the protocol the portal's adapter speaks to the real platform (the same domain code on both sides):
 * <ul>
 * <li>{@code GET /mip/authorize} — the authorization page (Chinese): checks {@code bizType=04107}, the channel
 * ({@code orgAppId}, {@code orgChnlCrtfCodg} as the host expects it: unencoded here) and lists the demo residents,
 * with 亲情 family authorisations ({@code rels_pay_flag=1}); a choice sends the browser back with a one-time
 * {@code authCode} that expires, or with {@code error=cancelled};</li>
 * <li>{@code POST /mip/api/mipuserquery/userQuery/{partnerId}} — checks the {@code god-portal-*} HMAC headers and
 * their timestamp, redeems the code once, answers {@code pay_auth_no}, the name and ID number;</li>
 * <li>{@code POST /mip/api/hsa/1101} — the 1101 person service behind the SM2/SM4 channel envelope, answering the
 * demo people's records ({@code baseinfo}, {@code insuinfo}, {@code idetinfo}).</li>
 * </ul>
 * State (pending pages, codes) lives in this process, which every node of a sandbox cluster shares.
 */
final class MipSimulator {

    static final String PREFIX = "/mip/";
    static final String USER_QUERY_PREFIX = "/mip/api/mipuserquery/userQuery/";
    static final String PERSON_SERVICE = "/mip/api/hsa/1101";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    /** The authorization page's frame, read once. */
    private static final String PAGE = pageTemplate();

    /** The sandbox's channel settings, shared with the portal's sandbox profile ({@code sandbox/mip-simulator.properties}). */
    record Settings(String partnerId, String partnerSecret, String appId, String appSecret, String platformPrivateKey,
                    String portalPublicKey, String orgChnlCrtfCodg, AuthorizationRequest.CodeEncoding codeEncoding,
                    Sm4Ecb.Encoding sm4Encoding, Duration authCodeLifetime, Duration timestampWindow) {

        static final String RESOURCE = "sandbox/mip-simulator.properties";

        static Settings load() {
            Properties p = new Properties();
            try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
            return new Settings(p.getProperty("sandbox.mip.partner-id"), p.getProperty("sandbox.mip.partner-secret"),
                    p.getProperty("sandbox.mip.app-id"), p.getProperty("sandbox.mip.app-secret"),
                    p.getProperty("sandbox.mip.platform-private-key"), p.getProperty("sandbox.mip.portal-public-key"),
                    p.getProperty("sandbox.mip.org-chnl-crtf-codg"),
                    AuthorizationRequest.CodeEncoding.valueOf(p.getProperty("sandbox.mip.code-encoding")),
                    Sm4Ecb.Encoding.valueOf(p.getProperty("sandbox.mip.sm4-encoding")),
                    Duration.parse(p.getProperty("sandbox.mip.auth-code-lifetime")),
                    Duration.parse(p.getProperty("sandbox.mip.timestamp-window")));
        }

        ChannelEnvelope.Keys keys() {
            return new ChannelEnvelope.Keys(appId, appSecret,
                    Sm4Ecb.key(Sm4Ecb.KeySource.DERIVED, sm4Encoding, appId, appSecret, null), sm4Encoding,
                    platformPrivateKey, portalPublicKey, cn.yibao.portal.identity.domain.mip.Sm2Signatures.DEFAULT_USER_ID,
                    "2.0.1");
        }
    }

    /** A person the platform knows: a demo resident, or one of the simulator's own (other scheme, other region). */
    record Person(String login, String name, String certno, String psnNo, String region, String insutype,
                  String assistance, String household, String relation, LocalDate enrolledOn, String description) {
    }

    record ExtraPeople(List<Person> people) {
    }

    /** What an authCode stands for: the person authorised and whether a family account (亲情账户) authorised it. */
    private record Grant(Person person, boolean byFamilyAccount) {
    }

    /** An authorization page shown: where to send the browser back, with which state. */
    private record Pending(String state, String redirectUrl, Instant shownAt) {
    }

    private final Settings settings;
    private final ChannelEnvelope.Keys keys;
    private final List<Person> people;
    /** People typed into the page's test box (by certno), so that 1101 knows them as the platform would. */
    private final Map<String, Person> typedIn = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final OneTimeCodes<Grant> codes;

    MipSimulator(DemoAccounts accounts) {
        this.settings = Settings.load();
        this.keys = settings.keys();
        this.codes = new OneTimeCodes<>(settings.authCodeLifetime());
        List<Person> all = new ArrayList<>();
        accounts.residents().forEach(r -> all.add(new Person(r.login(), r.name(), r.certno(), r.psnNo(), r.region(), "390",
                r.assistance(), r.household(), r.relation(), r.enrolledOn(), r.description())));
        try (InputStream in = new ClassPathResource("sandbox/mip-people.json").getInputStream()) {
            all.addAll(JSON.readValue(in, ExtraPeople.class).people());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.people = List.copyOf(all);
    }

    boolean handles(OAuth2HttpRequest request) {
        return request.getUrl().encodedPath().startsWith(PREFIX);
    }

    OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (path.equals("/mip/authorize") && method.equals("GET")) {
            // The URL as the browser sent it (the issuer's proxy-aware URL is rebuilt and would decode %2F).
            return authorizationPage(request.getOriginalUrl());
        }
        if (path.equals("/mip/authorize") && method.equals("POST")) {
            return authorized(form(request.getBody()));
        }
        if (path.startsWith(USER_QUERY_PREFIX) && method.equals("POST")) {
            return userQuery(path.substring(USER_QUERY_PREFIX.length()), request);
        }
        if (path.equals(PERSON_SERVICE) && method.equals("POST")) {
            return personService(request.getBody());
        }
        return json(404, Map.of("code", 404, "message", say("answer.noSuchApi")));
    }

    // ---- the authorization page -------------------------------------------------------------------------------

    private OAuth2HttpResponse authorizationPage(HttpUrl url) {
        String redirectUrl = url.queryParameter("redirectUrl");
        List<String> problems = new ArrayList<>();
        if (!AuthorizationRequest.BIZ_TYPE.equals(url.queryParameter("bizType"))) {
            problems.add(say("request.bizType", AuthorizationRequest.BIZ_TYPE));
        }
        if (!settings.appId().equals(url.queryParameter("orgAppId"))) {
            problems.add(say("request.orgAppId"));
        }
        AuthorizationRequest.ChannelCodeProblem codeProblem = AuthorizationRequest.channelCodeProblem(
                rawQueryValue(url, AuthorizationRequest.CHANNEL_CODE_PARAM), settings.orgChnlCrtfCodg(),
                settings.codeEncoding());
        if (codeProblem != null) {
            problems.add(say(codeProblem == AuthorizationRequest.ChannelCodeProblem.MISSING
                    ? "request.channelCode.missing" : "request.channelCode.wrong")
                    + (settings.codeEncoding() == AuthorizationRequest.CodeEncoding.RAW ? say("request.channelCode.raw") : ""));
        }
        if (redirectUrl == null || !(redirectUrl.startsWith("http://") || redirectUrl.startsWith("https://"))) {
            problems.add(say("request.redirectUrl"));
        }
        if (!problems.isEmpty()) {
            return html(400, page(say("page.invalid"), "<p class=\"error\" role=\"alert\">" + String.join("<br>",
                    problems.stream().map(HtmlUtils::htmlEscape).toList()) + "</p>"));
        }
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.shownAt().plus(Duration.ofHours(1)).isBefore(now));
        String requestId = UUID.randomUUID().toString();
        pending.put(requestId, new Pending(url.queryParameter("state"), redirectUrl, now));
        return html(200, page(say("page.authorize"), choices(requestId)));
    }

    private String choices(String requestId) {
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"note\">").append(say("choices.note")).append("</p>");
        body.append("<p>").append(say("choices.purpose", AuthorizationRequest.BIZ_TYPE)).append("</p>");
        body.append("<h2 id=\"self-heading\">").append(say("choices.self"))
                .append("</h2><ul class=\"people\" aria-labelledby=\"self-heading\">");
        for (Person person : people) {
            if (person.login() != null) {
                body.append("<li>").append(button(requestId, person.login(), null, say("choices.self.person", person.name()),
                        person.description(), "mip-self-" + person.login())).append("</li>");
            }
        }
        body.append("</ul><h2 id=\"family-heading\">").append(say("choices.family")).append("</h2>")
                .append("<p>").append(say("choices.family.purpose"))
                .append("</p><ul class=\"people\" aria-labelledby=\"family-heading\">");
        for (Person holder : people) {
            if (holder.login() == null || holder.household() == null || !"SELF".equals(holder.relation())) {
                continue;
            }
            for (Person member : people) {
                if (member != holder && holder.household().equals(member.household())) {
                    body.append("<li>").append(button(requestId, holder.login(), member.psnNo(),
                            say("choices.family.person", holder.name(), member.name()), say("choices.family.hint"),
                            "mip-family-" + holder.login() + "-" + member.psnNo())).append("</li>");
                }
            }
        }
        body.append("</ul><details><summary>").append(say("choices.typed"))
                .append("</summary><form method=\"post\" action=\"/mip/authorize\">")
                .append("<input type=\"hidden\" name=\"request\" value=\"").append(requestId).append("\">")
                .append("<label for=\"mip-person\">").append(say("choices.typed.label")).append("</label>")
                .append("<textarea id=\"mip-person\" name=\"person\" rows=\"4\"></textarea>")
                .append("<button id=\"mip-person-submit\" type=\"submit\">").append(say("choices.typed.submit"))
                .append("</button></form></details>");
        body.append("<form method=\"post\" action=\"/mip/authorize\"><input type=\"hidden\" name=\"request\" value=\"")
                .append(requestId).append("\"><input type=\"hidden\" name=\"action\" value=\"cancel\">")
                .append("<button id=\"mip-cancel\" class=\"secondary\" type=\"submit\">").append(say("choices.cancel"))
                .append("</button></form>");
        return body.toString();
    }

    private static String button(String requestId, String login, String forPsnNo, String label, String description,
                                 String id) {
        return "<form method=\"post\" action=\"/mip/authorize\"><input type=\"hidden\" name=\"request\" value=\""
                + requestId + "\"><input type=\"hidden\" name=\"login\" value=\"" + HtmlUtils.htmlEscape(login) + "\">"
                + (forPsnNo == null ? "" : "<input type=\"hidden\" name=\"for\" value=\"" + HtmlUtils.htmlEscape(forPsnNo) + "\">")
                + "<button type=\"submit\" id=\"" + HtmlUtils.htmlEscape(id) + "\" data-login=\"" + HtmlUtils.htmlEscape(login)
                + "\">" + HtmlUtils.htmlEscape(label) + "<span class=\"hint\">" + HtmlUtils.htmlEscape(description)
                + "</span></button></form>";
    }

    private OAuth2HttpResponse authorized(Map<String, String> form) {
        Pending request = form.get("request") == null ? null : pending.remove(form.get("request"));
        if (request == null) {
            return html(400, page(say("page.expired"), error(say("page.expired.detail"))));
        }
        if ("cancel".equals(form.get("action"))) {
            return redirect(withParams(request.redirectUrl(), "error", "cancelled", request.state()));
        }
        if (form.get("person") != null && !form.get("person").isBlank()) {
            Optional<Person> typed = typedPerson(form.get("person"));
            if (typed.isEmpty()) {
                return html(400, page(say("page.typed.invalid"), error(say("page.typed.invalid.detail"))));
            }
            if (typedIn.size() >= 100_000) {
                typedIn.clear(); // a sandbox that runs for weeks does not keep every test person forever
            }
            typedIn.put(typed.get().certno(), typed.get());
            String code = codes.issue(new Grant(typed.get(), false), Instant.now());
            return redirect(withParams(request.redirectUrl(), "authCode", code, request.state()));
        }
        Optional<Person> holder = people.stream().filter(p -> p.login() != null && p.login().equals(form.get("login"))).findFirst();
        if (holder.isEmpty()) {
            return html(400, page(say("page.unknown"), error(say("page.unknown.detail"))));
        }
        Person person = holder.get();
        boolean family = form.get("for") != null;
        if (family) {
            person = people.stream().filter(p -> p.psnNo().equals(form.get("for"))
                    && p.household() != null && p.household().equals(holder.get().household())).findFirst().orElse(null);
            if (person == null) {
                return html(400, page(say("page.notFamily"), error(say("page.notFamily.detail"))));
            }
        }
        String code = codes.issue(new Grant(person, family), Instant.now());
        return redirect(withParams(request.redirectUrl(), "authCode", code, request.state()));
    }

    /**
     * A person typed into the test box, as the platform would hold them: the claims of the sandbox issuer's test box
     * ({@code name}, {@code certno}, {@code psn_no}, {@code insuplc_admdvs}), resident scheme 390 unless
     * {@code insutype} says otherwise. Tests sign in made-up residents this way, as they did through the issuer.
     */
    private static Optional<Person> typedPerson(String json) {
        Map<String, Object> fields;
        try {
            fields = JSON.readValue(json, Map.class);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        String name = text(fields.get("name"));
        String certno = text(fields.get("certno"));
        String psnNo = text(fields.get("psn_no"));
        String region = text(fields.get("insuplc_admdvs"));
        if (name == null || certno == null || NationalId.parse(certno).isEmpty() || psnNo == null || region == null) {
            return Optional.empty();
        }
        String insutype = Optional.ofNullable(text(fields.get("insutype"))).orElse("390");
        return Optional.of(new Person(null, name, certno, psnNo, region, insutype, null, null, null, null, say("typed.description")));
    }

    private static String text(Object value) {
        return value instanceof String string && !string.isBlank() ? string.strip() : null;
    }

    private static String withParams(String url, String name, String value, String state) {
        HttpUrl.Builder builder = HttpUrl.get(url).newBuilder().addQueryParameter(name, value);
        if (state != null) {
            builder.addQueryParameter("state", state);
        }
        return builder.build().toString();
    }

    /** The value as it stands in the query, not decoded: the host decides what {@code %2F} means. */
    private static String rawQueryValue(HttpUrl url, String name) {
        String query = url.encodedQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return pair.substring(equals + 1);
            }
        }
        return null;
    }

    // ---- userQuery ---------------------------------------------------------------------------------------------

    private OAuth2HttpResponse userQuery(String partnerId, OAuth2HttpRequest request) {
        if (!settings.partnerId().equals(partnerId)) {
            return json(401, Map.of("code", 401, "message", say("answer.partner")));
        }
        UserQuerySignature.Check check = UserQuerySignature.check(partnerId, settings.partnerSecret(),
                request.getHeaders().get(UserQuerySignature.TIMESTAMP_HEADER),
                request.getHeaders().get(UserQuerySignature.SIGNATURE_HEADER), Instant.now(), settings.timestampWindow());
        if (check != UserQuerySignature.Check.VALID) {
            return json(401, Map.of("code", 401, "message", switch (check) {
                case STALE_TIMESTAMP -> say("answer.timestamp");
                case MISSING -> say("answer.signatureMissing");
                default -> say("answer.signature");
            }));
        }
        Map<String, Object> body;
        try {
            body = JSON.readValue(request.getBody() == null ? "{}" : request.getBody(), Map.class);
        } catch (RuntimeException unreadable) {
            return json(400, Map.of("code", 400, "message", say("answer.notJson")));
        }
        Object qrcode = body.get("qrcode");
        OneTimeCodes.Redemption<Grant> redemption = codes.redeem(qrcode == null ? null : qrcode.toString(), Instant.now());
        if (redemption instanceof OneTimeCodes.Redeemed<Grant> redeemed) {
            return json(200, Map.of("code", 0, "message", say("answer.ok"), "data", userInfo(redeemed.value())));
        }
        if (redemption instanceof OneTimeCodes.Expired) {
            return json(200, Map.of("code", 1002, "message", say("answer.code.expired")));
        }
        if (redemption instanceof OneTimeCodes.AlreadyUsed) {
            return json(200, Map.of("code", 1003, "message", say("answer.code.used")));
        }
        return json(200, Map.of("code", 1001, "message", say("answer.code.invalid")));
    }

    private static Map<String, Object> userInfo(Grant grant) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pay_auth_no", "AUTH" + UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT));
        data.put("auth_stas", "1");
        data.put("rels_pay_flag", grant.byFamilyAccount() ? "1" : "0");
        data.put("user_name", grant.person().name());
        data.put("id_type", "01");
        data.put("id_no", grant.person().certno());
        return data;
    }

    // ---- 1101 --------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private OAuth2HttpResponse personService(String body) {
        ChannelEnvelope envelope;
        try {
            envelope = ChannelEnvelope.of(JSON.readValue(body == null ? "{}" : body, Map.class));
        } catch (RuntimeException unreadable) {
            return json(400, Map.of("code", 400, "message", say("answer.notJson")));
        }
        ChannelEnvelope.Opening opening = envelope.open(Instant.now(), settings.timestampWindow(), keys);
        if (opening instanceof ChannelEnvelope.Refused refused) {
            return json(200, Map.of("code", 2001, "message", say("answer.envelope", refused.reason())));
        }
        Map<String, Object> data = JSON.readValue(((ChannelEnvelope.Opened) opening).dataJson(), Map.class);
        Object certno = data.get("input") instanceof Map<?, ?> input && input.get("data") instanceof Map<?, ?> d
                ? d.get("certno") : null;
        Optional<Person> person = people.stream().filter(p -> p.certno().equals(String.valueOf(certno))).findFirst()
                .or(() -> Optional.ofNullable(typedIn.get(String.valueOf(certno))));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("infcode", person.isPresent() ? 0 : -1);
        answer.put("err_msg", person.isPresent() ? "" : say("answer.noPerson"));
        person.ifPresent(p -> answer.put("output", record(p)));
        ChannelEnvelope sealed = ChannelEnvelope.seal(JSON.writeValueAsString(answer), Instant.now(), keys);
        Map<String, Object> response = new LinkedHashMap<>(sealed.fields());
        response.put("code", 0);
        response.put("message", say("answer.ok"));
        return json(200, response);
    }

    /** A demo person's 1101 record. Identity type codes are the simulator's (see README). */
    private static Map<String, Object> record(Person person) {
        NationalId id = NationalId.parse(person.certno()).orElseThrow();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("psn_no", person.psnNo());
        base.put("psn_cert_type", "01");
        base.put("certno", person.certno());
        base.put("psn_name", person.name());
        base.put("gend", (person.certno().charAt(16) - '0') % 2 == 1 ? "1" : "2");
        base.put("naty", "01");
        base.put("brdy", id.birthDate().toString());
        Map<String, Object> insurance = new LinkedHashMap<>();
        insurance.put("insutype", person.insutype());
        insurance.put("psn_type", "1");
        insurance.put("psn_insu_stas", "1");
        insurance.put("psn_insu_date", (person.enrolledOn() == null ? LocalDate.of(2018, 1, 1) : person.enrolledOn()).toString());
        insurance.put("insuplc_admdvs", person.region());
        List<Map<String, Object>> identities = new ArrayList<>();
        String type = person.assistance() == null ? null : switch (person.assistance()) {
            case "MINIMUM_LIVING" -> "2302";
            case "EXTREME_POVERTY" -> "2301";
            case "RELAPSED_POVERTY" -> "2303";
            case "MONITORED" -> "2304";
            default -> null;
        };
        if (type != null) {
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("psn_idet_type", type);
            identity.put("psn_type_lv", "1");
            identity.put("begntime", "2023-01-01 00:00:00");
            identity.put("endtime", null);
            identities.add(identity);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("baseinfo", base);
        output.put("insuinfo", List.of(insurance));
        output.put("idetinfo", identities);
        return output;
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body != null) {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return form;
    }

    private static OAuth2HttpResponse json(int status, Map<String, ?> body) {
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), status,
                JSON.writeValueAsString(body), null);
    }

    private static OAuth2HttpResponse html(int status, String page) {
        return new OAuth2HttpResponse(Headers.of("Content-Type", "text/html;charset=UTF-8",
                "Cache-Control", "no-store"), status, page, null);
    }

    private static OAuth2HttpResponse redirect(String location) {
        return new OAuth2HttpResponse(Headers.of("Location", location), 302, null, null);
    }

    private static String error(String text) {
        return "<p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(text) + "</p>";
    }

    private static String page(String title, String body) {
        return PAGE.replace("<!--TITLE-->", HtmlUtils.htmlEscape(title)).replace("<!--BODY-->", body);
    }

    private static String pageTemplate() {
        try {
            return new ClassPathResource("sandbox/mip-authorize.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
