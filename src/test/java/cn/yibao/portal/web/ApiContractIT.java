package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.support.ApiContract;
import cn.yibao.portal.support.PortalIntegrationTest;
import cn.yibao.portal.support.RouteCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.server.RouterFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API contract and the portal agree: every {@code /api/v1} route the router functions declare has its operation
 * in {@code api/openapi.json} and every operation is a route; the document is served publicly and cacheably; problem
 * details say their {@code detail} in the language the caller accepts (every response here is also checked against
 * the contract by {@link ApiContract}, as in every other IT).
 */
class ApiContractIT extends PortalIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private List<RouterFunction<?>> routers;

    @Test
    void everyApiRouteHasItsOperationInTheContractAndEveryOperationIsARoute() {
        Set<String> routes = RouteCatalog.of(routers).stream()
                .filter(route -> route.substring(route.indexOf(' ') + 1).startsWith("/api/v1/"))
                .collect(Collectors.toSet());
        Set<String> operations = ApiContract.instance().operations();

        assertThat(routes).as("API routes without an operation in api/openapi.json").isSubsetOf(operations);
        assertThat(operations).as("operations in api/openapi.json that no router declares").isSubsetOf(routes);
    }

    @Test
    void theTestClientsRefuseAnApiResponseTheContractDoesNotDeclare() {
        assertThatThrownBy(() -> portal.get().uri("/api/v1/not-in-the-contract").exchange())
                .hasRootCauseInstanceOf(AssertionError.class)
                .hasStackTraceContaining("does not conform")
                .hasStackTraceContaining("no path in the contract matches /api/v1/not-in-the-contract");
        assertThatThrownBy(() -> signIn.newBrowser().client().get().uri("/api/v1/not-in-the-contract").exchange())
                .as("a browser session's client is made from the same checked client")
                .hasRootCauseInstanceOf(AssertionError.class);
    }

    @Test
    void theContractIsServedPubliclyAsWrittenAndCachedUntilItChanges() {
        EntityExchangeResult<byte[]> served = portal.get().uri("/api/v1/openapi.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("public", "max-age=3600"))
                .expectBody().returnResult();
        assertThat(JSON.readTree(served.getResponseBody())).isEqualTo(ApiContract.instance().document());

        String etag = served.getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        portal.get().uri("/api/v1/openapi.json").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void problemDetailsAreChineseByDefaultAndFollowAcceptLanguage() {
        String body = "{\"token\": 123}";

        JsonNode chinese = problem(null, body);
        JsonNode chineseAsked = problem("zh-CN,zh;q=0.9,en;q=0.8", body);
        JsonNode english = problem("en-US,en;q=0.9", body);
        JsonNode unknownFirst = problem("fr-FR, en;q=0.5", body);

        assertThat(chinese.get("detail").asString()).isEqualTo("token 应为文本（加引号的字符串）。");
        assertThat(chinese.get("field").asString()).isEqualTo("token");
        assertThat(chineseAsked.get("detail").asString()).isEqualTo(chinese.get("detail").asString());
        assertThat(english.get("detail").asString()).isEqualTo("token must be text (a quoted string).");
        assertThat(english.get("field").asString()).isEqualTo("token");
        assertThat(unknownFirst.get("detail").asString()).as("the first language the portal speaks")
                .isEqualTo(english.get("detail").asString());
    }

    @Test
    void pagesStillIgnoreAcceptLanguage() {
        String page = new String(portal.get().uri("/contribution/calculator").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"zh-CN\">").contains("缴费标准查询");
    }

    private JsonNode problem(String acceptLanguage, String body) {
        var request = portal.post().uri("/api/v1/codes/verify").contentType(MediaType.APPLICATION_JSON);
        if (acceptLanguage != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        byte[] answer = request.bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(answer);
    }
}
