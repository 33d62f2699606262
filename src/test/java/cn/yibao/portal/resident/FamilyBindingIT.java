package cn.yibao.portal.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Binding through the API with several residents: confirmation for adults, and nobody reaches another household. */
class FamilyBindingIT extends PortalIntegrationTest {

    private static final String FUZHOU_CERTNO = "350102198008085120";

    @Test
    void anAdultIsOnlyBoundAfterAcceptingFromTheirOwnSignIn() {
        String shenyang = signIn.accessToken("shenyang-general");
        String fuzhou = signIn.accessToken("fuzhou-general");
        String stranger = signIn.accessToken("weihai-student");

        Map<?, ?> created = bind(shenyang, FUZHOU_CERTNO, "欧阳文静").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(created.get("status")).isEqualTo("PENDING");
        assertThat(contributionsOf(shenyang)).as("not bound before accepting").hasSize(1);

        List<?> invitations = get(fuzhou, "/api/v1/family/invitations").expectBody(List.class).returnResult().getResponseBody();
        assertThat(invitations).hasSize(1);
        String invitation = (String) ((Map<?, ?>) invitations.get(0)).get("bindingId");
        assertThat(((Map<?, ?>) invitations.get(0)).get("maskedName")).isEqualTo("郑**");

        portal.post().uri("/api/v1/family/invitations/" + invitation + "/accept").headers(h -> h.setBearerAuth(stranger))
                .exchange().expectStatus().isNotFound();
        portal.post().uri("/api/v1/family/invitations/" + invitation + "/accept").headers(h -> h.setBearerAuth(shenyang))
                .exchange().expectStatus().isNotFound();
        assertThat(contributionsOf(shenyang)).as("the inviter cannot accept for them").hasSize(1);

        portal.post().uri("/api/v1/family/invitations/" + invitation + "/accept").headers(h -> h.setBearerAuth(fuzhou))
                .exchange().expectStatus().isNoContent();
        assertThat(contributionsOf(shenyang)).hasSize(2)
                .anySatisfy(entry -> assertThat(((Map<?, ?>) entry).get("maskedName")).isEqualTo("欧阳**"));
        bind(shenyang, FUZHOU_CERTNO, "欧阳文静").expectStatus().isEqualTo(409);

        portal.delete().uri("/api/v1/family/" + created.get("memberId")).headers(h -> h.setBearerAuth(shenyang))
                .exchange().expectStatus().isNoContent();
        assertThat(contributionsOf(shenyang)).hasSize(1);
        assertThat(count("select count(*) from audit_event where action in ('FAMILY_BIND', 'FAMILY_ACCEPT', "
                + "'FAMILY_UNBIND') and outcome = 'SUCCESS' and detail like '%" + created.get("memberId") + "%'"))
                .as("bind and unbind are audited").isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from audit_event where action = 'FAMILY_ACCEPT' and outcome = 'FAILURE'"))
                .as("the refused accepts are audited too").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aResidentCannotReadOrChangeAnotherHouseholdsMembers() {
        String weihai = signIn.accessToken("weihai-adult");
        String fuzhou = signIn.accessToken("fuzhou-general");
        Map<?, ?> weihaiFamily = get(weihai, "/api/v1/family").expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> child = (Map<?, ?>) ((List<?>) weihaiFamily.get("members")).get(0);
        assertThat(child.get("maskedName")).isEqualTo("陈**");

        String fuzhouFamily = get(fuzhou, "/api/v1/family").expectBody(String.class).returnResult().getResponseBody();
        assertThat(fuzhouFamily).doesNotContain((String) child.get("memberId"), "陈**");
        assertThat(contributionsOf(fuzhou)).hasSize(1);
        portal.delete().uri("/api/v1/family/" + child.get("memberId")).headers(h -> h.setBearerAuth(fuzhou))
                .exchange().expectStatus().isNotFound();
        portal.post().uri("/api/v1/family/invitations/" + child.get("bindingId") + "/accept")
                .headers(h -> h.setBearerAuth(fuzhou)).exchange().expectStatus().isNotFound();

        assertThat(contributionsOf(weihai)).as("the other household is untouched").hasSize(2);
        String page = signIn.as("fuzhou-general").client().get().uri("/family").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).doesNotContain("陈**");
    }

    @Test
    void badBindingRequestsChangeNothingAndSayWhy() {
        String shenyang = signIn.accessToken("shenyang-general");

        bind(shenyang, "35010219800808512X", "欧阳文静").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("certno");
        bind(shenyang, FUZHOU_CERTNO, "欧阳文").expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("未找到"));
        bind(shenyang, "210102197001014113", "郑国强").expectStatus().isEqualTo(422);
        bind(shenyang, "141121201209011414", "王小明").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("同一户"));
        portal.post().uri("/api/v1/family").headers(h -> h.setBearerAuth(shenyang))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange()
                .expectStatus().isBadRequest();

        assertThat(contributionsOf(shenyang)).hasSize(1);
        assertThat(get(shenyang, "/api/v1/family").expectBody(Map.class).returnResult().getResponseBody().get("members"))
                .asList().isEmpty();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec bind(String token, String certno,
                                                                                          String name) {
        return portal.post().uri("/api/v1/family").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("certno", certno, "name", name))
                .exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String token, String path) {
        return portal.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
    }

    private List<?> contributionsOf(String token) {
        return get(token, "/api/v1/contributions?year=2024").expectBody(List.class).returnResult().getResponseBody();
    }
}
