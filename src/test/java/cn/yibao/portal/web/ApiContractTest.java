package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.ApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The API contract ({@code api/openapi.json}) is a valid OpenAPI 3.1 document, says what every operation needs
 * (security, an example of each success), and the check the integration tests run on every response can fail.
 */
class ApiContractTest {

    private static final ApiContract CONTRACT = ApiContract.instance();

    @Test
    void theContractIsAValidOpenApi31Document() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text(), null, options);

        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(api.getOpenapi()).startsWith("3.1.");
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("residentBearer", "staffBearer");
        assertThat(api.getComponents().getSchemas()).containsKey("Problem");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "field")
                .doesNotContainKey("parameter");
    }

    @Test
    void everyOperationSaysWhoMayCallItAndShowsAnExampleOfEachSuccess() {
        SoftAssertions softly = new SoftAssertions();
        JsonNode paths = CONTRACT.document().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                softly.assertThat(op.has("security")).as(name + ": security (an empty list when public)").isTrue();
                softly.assertThat(op.path("operationId").asString()).as(name + ": operationId").isNotBlank();
                JsonNode responses = op.get("responses");
                softly.assertThat(responses.has("500") && responses.has("503"))
                        .as(name + ": 500 and 503 (the database down) can happen anywhere").isTrue();
                if (op.get("security").size() > 0 && !op.get("security").get(0).isEmpty()) {
                    softly.assertThat(responses.has("401") && responses.has("403")).as(name + ": 401 and 403").isTrue();
                }
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    JsonNode json = response.getValue().path("content").path("application/json");
                    if (response.getKey().startsWith("2") && !json.isMissingNode() && !path.getKey().endsWith("openapi.json")) {
                        softly.assertThat(json.has("example")).as(name + " " + response.getKey() + ": an example").isTrue();
                    }
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void theExamplesMatchTheirOwnSchemas() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : CONTRACT.document().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (Map.Entry<String, JsonNode> response : operation.getValue().get("responses").properties()) {
                    JsonNode example = response.getValue().path("content").path("application/json").path("example");
                    if (!example.isMissingNode()) {
                        String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
                        violations.addAll(CONTRACT.violations(operation.getKey().toUpperCase(), concrete,
                                Integer.parseInt(response.getKey()), "application/json",
                                example.toString().getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void eachJsonBodyRecordIsTheRequestSchemaOfItsOperationFieldForField() {
        SoftAssertions softly = new SoftAssertions();
        for (Class<?> type : jsonBodies()) {
            JsonBody described = type.getAnnotation(JsonBody.class);
            String[] route = described.route().split(" ", 2);
            if (!route[1].startsWith("/api/v1/")) {
                continue;
            }
            JsonNode schema = CONTRACT.document().path("paths").path(route[1]).path(route[0].toLowerCase())
                    .path("requestBody").path("content").path("application/json").path("schema");
            softly.assertThat(schema.isMissingNode()).as(described.route() + ": a JSON request body").isFalse();
            Map<String, String> fields = new TreeMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                fields.put(component.getName(), jsonType(component));
            }
            Map<String, String> declared = new TreeMap<>();
            schema.path("properties").properties().forEach(property ->
                    declared.put(property.getKey(), property.getValue().path("type").asString()));
            softly.assertThat(declared).as(described.route() + ": properties and their types").isEqualTo(fields);
            Set<String> required = new TreeSet<>(fields.keySet());
            required.removeAll(List.of(described.optional()));
            Set<String> declaredRequired = new TreeSet<>();
            schema.path("required").forEach(name -> declaredRequired.add(name.asString()));
            softly.assertThat(declaredRequired).as(described.route() + ": required").isEqualTo(required);
            softly.assertThat(schema.has("example") || schema.path("examples").size() > 0
                    || CONTRACT.document().path("paths").path(route[1]).path(route[0].toLowerCase()).path("requestBody")
                    .path("content").path("application/json").has("example")).as(described.route() + ": example").isTrue();
        }
        softly.assertAll();
    }

    private static String jsonType(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        return type == List.class ? "array" : "string";
    }

    /** The records the API's routes read their bodies into. */
    private static List<Class<?>> jsonBodies() {
        List<Class<?>> found = JsonBodyRecords.all();
        assertThat(found).as("JSON body records found").hasSizeGreaterThan(5);
        return found;
    }

    @Test
    void theCheckRefusesAResponseTheContractDoesNotDeclare() {
        byte[] me = "{\"psnNo\":\"1\",\"maskedName\":\"刘**\",\"maskedCertno\":\"141***********2121\",\"region\":{\"code\":\"141121\",\"name\":\"文水县\",\"supported\":true}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(CONTRACT.violations("GET", "/api/v1/me", 200, "application/json", me)).isEmpty();

        assertThat(CONTRACT.violations("GET", "/api/v1/nowhere", 200, "application/json", me))
                .singleElement().asString().contains("no path");
        assertThat(CONTRACT.violations("PUT", "/api/v1/me", 200, "application/json", me))
                .singleElement().asString().contains("PUT is not declared");
        assertThat(CONTRACT.violations("GET", "/api/v1/me", 418, "application/json", me))
                .singleElement().asString().contains("status 418");
        assertThat(CONTRACT.violations("GET", "/api/v1/me", 200, "text/html", me))
                .singleElement().asString().contains("content type");
        assertThat(CONTRACT.violations("GET", "/api/v1/me", 200, "application/json",
                "{\"psnNo\": 21, \"maskedName\": \"刘**\"}".getBytes(StandardCharsets.UTF_8)))
                .as("a number where the contract says text, and required properties missing").hasSizeGreaterThanOrEqualTo(2);
        assertThat(CONTRACT.violations("GET", "/api/v1/me", 404, "application/problem+json",
                "{\"title\": \"Not Found\", \"status\": 404, \"detail\": \"…\", \"field\": 3}".getBytes(StandardCharsets.UTF_8)))
                .as("a problem's field is text").isNotEmpty();
        assertThat(CONTRACT.violations("DELETE", "/api/v1/family/m1", 204, null, "x".getBytes(StandardCharsets.UTF_8)))
                .as("a body where the contract declares none").isNotEmpty();
    }

    @Test
    void aFixedSegmentWinsOverAPathVariable() {
        assertThat(CONTRACT.template("/api/v1/filings/types")).isEqualTo("/api/v1/filings/types");
        assertThat(CONTRACT.template("/api/v1/filings/123")).isEqualTo("/api/v1/filings/{id}");
        assertThat(CONTRACT.template("/api/v1/staff/payments/flagged")).isEqualTo("/api/v1/staff/payments/flagged");
    }

    private static String text() {
        return CONTRACT.document().toString();
    }
}
