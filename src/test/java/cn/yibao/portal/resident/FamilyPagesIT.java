package cn.yibao.portal.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.json.JsonMapper;

/** 我的家庭 as a page: refused input keeps what was typed and marks the field; unbinding asks first and can be undone. */
class FamilyPagesIT extends PortalIntegrationTest {

    private static final String WENSHUI = "141121";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Parent(BrowserSession browser, String token, UUID id, String childCertno, String childName, UUID childId) {
    }

    private Parent parentWithUnboundChild(String surname) {
        String parentClaims = FreshResidents.adultIn(WENSHUI, surname + "建平");
        String childClaims = FreshResidents.claims(WENSHUI, "20160301", surname + "小禾");
        String parentLogin = "family-page-" + UUID.randomUUID();
        BrowserSession browser = signIn.as(parentLogin, parentClaims);
        signIn.as("family-page-child-" + UUID.randomUUID(), childClaims);
        UUID parent = idOf(parentClaims);
        UUID child = idOf(childClaims);
        UUID household = UUID.randomUUID();
        database.sql("insert into household (id, region_code, created_at) values (:id, :region, :now)")
                .bind("id", household).bind("region", WENSHUI).bind("now", Instant.now()).then().block();
        database.sql("update resident set household_id = :h where id in (:a, :b)")
                .bind("h", household).bind("a", parent).bind("b", child).then().block();
        return new Parent(browser, signIn.accessToken(parentLogin, parentClaims), parent, field(childClaims, "certno"), field(childClaims, "name"), child);
    }

    private UUID idOf(String claims) {
        return database.sql("select id from resident where psn_no = :psn").bind("psn", "T" + field(claims, "certno"))
                .map(row -> row.get("id", UUID.class)).one().block();
    }

    private static String field(String claims, String name) {
        return JSON.readTree(claims).get(name).asString();
    }

    private EntityExchangeResult<String> post(BrowserSession browser, String path, MultiValueMap<String, String> form) {
        form.add("_csrf", BrowserSession.csrf(browser.page("/family")));
        return browser.client().post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectBody(String.class).returnResult();
    }

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private long openBindings(Parent parent) {
        return count("select count(*) from family_binding where owner_id = '" + parent.id() + "' and member_id = '"
                + parent.childId() + "' and status = 'ACTIVE'");
    }

    @Test
    void aMistypedIdNumberIsShownAgainAsTypedNextToItsMessageAndTheSpaceGroupedOneBinds() {
        Parent parent = parentWithUnboundChild("葛");
        String certno = parent.childCertno();
        String mistyped = certno.substring(0, 6) + " " + certno.substring(6, 14) + " " + certno.substring(14, 17);

        EntityExchangeResult<String> refused = post(parent.browser(), "/family/bind",
                form("name", parent.childName(), "certno", mistyped, "relation", "CHILD"));
        assertThat(refused.getStatus().value()).isEqualTo(200);
        String page = refused.getResponseBody();
        assertThat(page).contains("id=\"certno-error\"", "应为18位", "您输入了 17 位",
                "value=\"" + mistyped + "\"", "value=\"" + parent.childName() + "\"", "aria-invalid=\"true\"",
                "aria-describedby=\"certno-error certno-hint\"", "id=\"bind-problems\"");
        assertThat(page).containsPattern("<option value=\"CHILD\" selected=\"selected\"");
        assertThat(page).doesNotContain("id=\"name-error\"");
        assertThat(openBindings(parent)).isZero();

        // Grouped 6-8-4 with spaces, the check character in lower case where it is a letter.
        String grouped = certno.substring(0, 6) + " " + certno.substring(6, 14) + " " + certno.substring(14).toLowerCase();
        EntityExchangeResult<String> bound = post(parent.browser(), "/family/bind",
                form("name", parent.childName(), "certno", grouped, "relation", "CHILD"));
        assertThat(bound.getStatus().value()).isEqualTo(303);
        assertThat(bound.getResponseHeaders().getLocation()).hasToString("/family?done=bound");
        assertThat(openBindings(parent)).isOne();
    }

    @Test
    void everyMissingFieldIsMarkedAtOnceAndAWrongNameMarksBothIdentityFields() {
        Parent parent = parentWithUnboundChild("滕");
        String page = post(parent.browser(), "/family/bind", form("name", " ", "certno", "", "relation", ""))
                .getResponseBody();
        assertThat(page).contains("id=\"name-error\"", "id=\"certno-error\"", "请填写家庭成员的姓名", "缺少身份证号码");

        String unmatched = post(parent.browser(), "/family/bind",
                form("name", "别人", "certno", "１" + parent.childCertno().substring(1), "relation", "CHILD")).getResponseBody();
        assertThat(unmatched).contains("id=\"bind-error\"", "未找到", "aria-describedby=\"bind-error\"",
                "aria-describedby=\"bind-error certno-hint\"", "value=\"别人\"");
        assertThat(openBindings(parent)).isZero();
    }

    @Test
    void unbindingAsksFirstSaysWhatHappensAndCanBeUndone() {
        Parent parent = parentWithUnboundChild("满");
        post(parent.browser(), "/family/bind", form("name", parent.childName(), "certno", parent.childCertno(),
                "relation", "CHILD"));
        assertThat(openBindings(parent)).isOne();
        String unbind = "/family/" + parent.childId() + "/unbind";

        EntityExchangeResult<String> asked = post(parent.browser(), unbind, form());
        assertThat(asked.getStatus().value()).isEqualTo(200);
        assertThat(asked.getResponseBody()).contains("id=\"unbind-confirmation\"", "确定解除与", "不能再查看",
                "不受影响", "可以撤销", "name=\"confirm\" value=\"yes\"", "id=\"unbind-keep\"");
        assertThat(openBindings(parent)).as("the first tap changes nothing").isOne();

        EntityExchangeResult<String> done = post(parent.browser(), unbind, form("confirm", "yes"));
        assertThat(done.getStatus().value()).isEqualTo(303);
        URI location = done.getResponseHeaders().getLocation();
        assertThat(location).hasToString("/family?done=unbound&undo=" + parent.childId());
        assertThat(openBindings(parent)).isZero();
        assertThat(parent.browser().page(location.toString())).contains("id=\"undo-unbind\"",
                "/family/" + parent.childId() + "/rebind");

        EntityExchangeResult<String> undone = post(parent.browser(), "/family/" + parent.childId() + "/rebind", form());
        assertThat(undone.getResponseHeaders().getLocation()).hasToString("/family?done=rebound");
        assertThat(openBindings(parent)).isOne();
    }

    @Test
    void onlyABindingIEndedMyselfCanBeRestored() {
        Parent parent = parentWithUnboundChild("宁");
        Parent other = parentWithUnboundChild("冉");
        // The other parent never bound this child: nothing to undo, nothing changes.
        String page = post(other.browser(), "/family/" + parent.childId() + "/rebind", form()).getResponseBody();
        assertThat(page).contains("没有可以撤销的解除绑定");
        assertThat(count("select count(*) from family_binding where member_id = '" + parent.childId() + "'")).isZero();
    }

    @Test
    void theApiAcceptsTheSameTypedForms() {
        Parent parent = parentWithUnboundChild("阚");
        String fullWidth = parent.childCertno().chars().mapToObj(c -> Character.isDigit(c)
                ? String.valueOf((char) (c - '0' + '\uFF10')) : String.valueOf((char) c)).collect(java.util.stream.Collectors.joining());
        portal.post().uri("/api/v1/family").headers(h -> h.setBearerAuth(parent.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("certno", fullWidth, "name", parent.childName(), "relation", "CHILD"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        assertThat(openBindings(parent)).isOne();
    }
}
