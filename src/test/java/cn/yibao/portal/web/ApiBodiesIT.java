package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import cn.yibao.portal.support.RouteCatalog;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.server.RouterFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every JSON body of the API, found from the records its routes read ({@link JsonBody}), gets each of its fields
 * spoilt in every way a caller can spoil one — null where it is required, the wrong type, a fraction, a huge value, a
 * NUL, 100,000 characters — one field at a time in an otherwise valid body. Each answer must be a 4xx problem
 * detail naming that field in Chinese, never a 500 and never accepted with the value bent into shape; nothing is
 * stored. A new route that reads a JSON body without such a record fails the first test.
 */
class ApiBodiesIT extends PortalIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUNDRED_THOUSAND = "x".repeat(100_000);

    /** Routes of the API that take a request body which is not a JSON object, or no body at all, and why. */
    private static final Map<String, String> NO_JSON_BODY = Map.ofEntries(
            Map.entry("POST /api/v1/payments/notify/{channel}", "the channel's own signed format, checked first"),
            Map.entry("POST /api/v1/staff/payments/reconciliations", "the channel's bill file"),
            Map.entry("POST /api/v1/admin/imports/{kind}", "an upstream batch file"),
            Map.entry("POST /api/v1/filings/{id}/cancel", "no body"),
            Map.entry("POST /api/v1/family/invitations/{id}/{answer}", "no body"),
            Map.entry("POST /api/v1/assist/requests/{id}/approve", "no body"),
            Map.entry("POST /api/v1/assist/requests/{id}/decline", "no body"),
            Map.entry("POST /api/v1/assist/history/{id}/revoke", "no body"));

    /** What a spoilt body may have stored, if anything ever were. */
    private static final List<String> STORED = List.of("payment_order", "payment_refund", "filing", "family_binding",
            "assist_session", "sandbox_payment");

    @Autowired
    private List<RouterFunction<?>> routers;

    private String residentToken;
    private String staffToken;
    private String paymentOperatorToken;

    @BeforeEach
    void callers() {
        residentToken = signIn.accessToken("bodies-" + UUID.randomUUID(), FreshResidents.adultIn("141121", "梁山伯"));
        staffToken = signIn.staffAccessToken("staff-wenshui");
        paymentOperatorToken = signIn.staffAccessToken("staff-weihai");
    }

    @Test
    void everyRouteThatReadsAJsonBodyDeclaresItsRecord() {
        Set<String> bodyRoutes = RouteCatalog.of(routers).stream()
                .filter(route -> route.matches("(POST|PUT|PATCH) /(api|sandbox-pay/api)/.*"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = new TreeSet<>(bodies().stream().map(type -> type.getAnnotation(JsonBody.class).route()).toList());
        declared.addAll(NO_JSON_BODY.keySet());

        assertThat(declared).as("routes with a JSON body record or known to read none")
                .containsExactlyInAnyOrderElementsOf(bodyRoutes);
        assertThat(bodies()).as("records found").hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void everyFieldOfEveryJsonBodySpoiltInEveryWayIsA4xxNamingTheFieldAndStoresNothing() {
        Map<String, Long> before = storedCounts();
        SoftAssertions softly = new SoftAssertions();
        int cases = 0;
        for (Class<?> body : bodies()) {
            JsonBody described = body.getAnnotation(JsonBody.class);
            ObjectNode example = (ObjectNode) JSON.readTree(described.example());
            Set<String> optional = Set.of(described.optional());
            for (RecordComponent field : body.getRecordComponents()) {
                for (Map.Entry<String, JsonNode> spoilt : spoilt(field, example.get(field.getName()),
                        optional.contains(field.getName())).entrySet()) {
                    ObjectNode sent = example.deepCopy();
                    sent.set(field.getName(), spoilt.getValue());
                    String what = described.route() + " with " + field.getName() + " " + spoilt.getKey();
                    expectRefusalNaming(softly, what, field.getName(), call(described.route(), JSON.writeValueAsString(sent)));
                    cases++;
                }
            }
            String what = described.route() + " with a body that is not a JSON object";
            for (String notAnObject : List.of("", "[]", "\"year\"", "{\"year\":", "{\"a\":1,\"a\":2}")) {
                EntityExchangeResult<byte[]> answer = call(described.route(), notAnObject);
                softly.assertThat(answer.getStatus().value()).as(what + ": " + notAnObject).isEqualTo(400);
            }
        }
        softly.assertThat(storedCounts()).as("nothing stored").isEqualTo(before);
        softly.assertAll();
        assertThat(cases).as("spoilt bodies sent").isGreaterThan(150);
    }

    private static void expectRefusalNaming(SoftAssertions softly, String what, String field,
                                            EntityExchangeResult<byte[]> answer) {
        String text = answer.getResponseBody() == null ? "" : new String(answer.getResponseBody(),
                java.nio.charset.StandardCharsets.UTF_8);
        softly.assertThat(answer.getStatus().value()).as(what + " → " + text).isIn(400, 422);
        softly.assertThat(answer.getResponseHeaders().getContentType()).as(what + ": content type")
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        if (answer.getStatus().is4xxClientError()
                && MediaType.APPLICATION_PROBLEM_JSON.equals(answer.getResponseHeaders().getContentType())) {
            JsonNode problem = JSON.readTree(text);
            String named = problem.hasNonNull("field") ? problem.get("field").asString() : null;
            softly.assertThat(named).as(what + ": the field named → " + text).isEqualTo(field);
            softly.assertThat(problem.path("detail").asString()).as(what + ": a Chinese detail")
                    .containsPattern("\\p{IsHan}");
        }
    }

    /** The ways a caller can spoil a field of this type, by name; {@code example} is the field's valid value, if any. */
    private static Map<String, JsonNode> spoilt(RecordComponent field, JsonNode example, boolean optional) {
        Map<String, JsonNode> ways = new LinkedHashMap<>();
        if (!optional) {
            ways.put("null", NODES.nullNode());
        }
        Type type = field.getGenericType();
        String sample = example != null && example.isString() ? example.asString() : "SELF";
        if (type == String.class) {
            ways.put("as a number", NODES.numberNode(123));
            ways.put("as true", NODES.booleanNode(true));
            ways.put("as an object", NODES.objectNode().put("value", sample));
            ways.put("as a list", NODES.arrayNode().add(sample));
            ways.put("as a fraction", NODES.numberNode(1.5));
            ways.put("as a huge number", NODES.numberNode(new BigInteger("9".repeat(40))));
            if (sample.matches("\\d{4}-\\d{2}-\\d{2}")) {
                ways.put("in year 999999999", NODES.stringNode("+999999999-01-01"));
                ways.put("in year 999999999 without a sign", NODES.stringNode("999999999-12-31"));
            }
            ways.put("with a NUL", NODES.stringNode(sample.substring(0, sample.length() / 2) + "\u0000"
                    + sample.substring(sample.length() / 2)));
            ways.put("of 100,000 characters", NODES.stringNode(HUNDRED_THOUSAND));
        } else if (type == Integer.class || type == Long.class) {
            long sampleNumber = example != null && example.isNumber() ? example.asLong() : 2024;
            ways.put("as text", NODES.stringNode(String.valueOf(sampleNumber)));
            ways.put("as true", NODES.booleanNode(true));
            ways.put("as a list", NODES.arrayNode().add(sampleNumber));
            ways.put("as a fraction", NODES.numberNode(sampleNumber + 0.5));
            ways.put("as a whole number written with a decimal point", NODES.numberNode((double) sampleNumber));
            ways.put("as a huge number", NODES.numberNode(new BigInteger("9".repeat(40))));
            ways.put("just past its type", NODES.numberNode(type == Integer.class
                    ? BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE)
                    : BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)));
            ways.put("as the largest value of its type", type == Integer.class
                    ? NODES.numberNode(Integer.MAX_VALUE) : NODES.numberNode(Long.MAX_VALUE));
            ways.put("as a NUL", NODES.stringNode("\u0000"));
            ways.put("of 100,000 digits", NODES.numberNode(new BigInteger("9".repeat(100_000))));
        } else if (type == Boolean.class) {
            ways.put("as text", NODES.stringNode("true"));
            ways.put("as a number", NODES.numberNode(1));
            ways.put("as a fraction", NODES.numberNode(0.5));
            ways.put("as a huge number", NODES.numberNode(new BigInteger("9".repeat(40))));
            ways.put("as a NUL", NODES.stringNode("\u0000"));
            ways.put("of 100,000 characters", NODES.stringNode(HUNDRED_THOUSAND));
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            String item = example != null && example.isArray() && !example.isEmpty() ? example.get(0).asString() : "SELF";
            ways.put("as text", NODES.stringNode(item));
            ways.put("holding null", NODES.arrayNode().addNull());
            ways.put("holding a number", NODES.arrayNode().add(123));
            ways.put("holding a fraction", NODES.arrayNode().add(1.5));
            ways.put("holding an object", NODES.arrayNode().add(NODES.objectNode().put("value", item)));
            var huge = NODES.arrayNode();
            for (int i = 0; i < 1_000; i++) {
                huge.add(item);
            }
            ways.put("of 1,000 items", huge);
            ways.put("holding a NUL", NODES.arrayNode().add(item + "\u0000"));
            ways.put("holding 100,000 characters", NODES.arrayNode().add(HUNDRED_THOUSAND));
        } else {
            throw new AssertionError("No spoilt values for " + field + ": teach this test the type " + type);
        }
        return ways;
    }

    private EntityExchangeResult<byte[]> call(String route, String body) {
        String[] parts = route.split(" ", 2);
        String path = parts[1].replace("{id}", UUID.randomUUID().toString())
                .replace("{orderNo}", "YB20231015" + String.format("%010d", Math.floorMod(System.nanoTime(), 10_000_000_000L)));
        String token = path.startsWith("/api/v1/assist/sessions") ? staffToken
                : path.startsWith("/api/v1/staff/payments") ? paymentOperatorToken
                : path.startsWith("/api/v1/codes/verify") || path.startsWith("/sandbox-pay/") ? null
                : residentToken;
        return portal.method(HttpMethod.valueOf(parts[0])).uri(path)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                    headers.set("Idempotency-Key", UUID.randomUUID().toString());
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody().returnResult();
    }

    private Map<String, Long> storedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STORED.forEach(table -> counts.put(table, count("select count(*) from " + table)));
        return counts;
    }

    private static List<Class<?>> bodies() {
        return JsonBodyRecords.all();
    }
}
