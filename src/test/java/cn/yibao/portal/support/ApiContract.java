package cn.yibao.portal.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API contract ({@code src/main/resources/api/openapi.json}, served at {@code /api/v1/openapi.json}) as a check
 * on every {@code /api/v1} response a test client sees: the path and method must be in the contract, the status
 * declared for them, the content type one the status declares, and a JSON body must match that content's schema. A
 * response that does not conform fails the request it answers, so the contract cannot drift from what the portal
 * does. The test clients of {@link PortalIntegrationTest} (and every client made from them) carry the check.
 */
public final class ApiContract {

    public static final String RESOURCE = "api/openapi.json";
    private static final String DOCUMENT_ID = "https://portal.invalid/api/v1/openapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile ApiContract instance;

    private final JsonNode document;
    private final Map<String, Pattern> paths = new LinkedHashMap<>();
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private ApiContract(String text) {
        this.document = JSON.readTree(text);
        document.get("paths").propertyNames().forEach(template -> paths.put(template, pattern(template)));
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT_ID, text)));
    }

    public static ApiContract instance() {
        ApiContract contract = instance;
        if (contract == null) {
            synchronized (ApiContract.class) {
                if (instance == null) {
                    instance = new ApiContract(read());
                }
                contract = instance;
            }
        }
        return contract;
    }

    static String read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The check as a filter for {@code WebTestClient.bindToServer().filter(...)} (and {@code WebClient}s). */
    public static ExchangeFilterFunction check() {
        return (request, next) -> next.exchange(request).flatMap(response -> instance().checked(request, response));
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation of the contract as "METHOD /path/{template}". */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private Mono<ClientResponse> checked(ClientRequest request, ClientResponse response) {
        String path = request.url().getRawPath();
        if (!path.startsWith("/api/v1/") || request.method() == HttpMethod.HEAD || request.method() == HttpMethod.OPTIONS) {
            return Mono.just(response);
        }
        return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map(body -> {
            String contentType = response.headers().contentType().map(MediaType::toString).orElse(null);
            List<String> violations = violations(request.method().name(), path, response.statusCode().value(),
                    contentType, body);
            String record = System.getProperty("api.contract.record");
            if (record != null) {
                record(Path.of(record), request.method().name(), path, response.statusCode().value(), contentType,
                        body, violations);
            } else if (!violations.isEmpty()) {
                throw new AssertionError("The API response does not conform to " + RESOURCE + ": "
                        + request.method() + " " + request.url() + " → " + response.statusCode().value() + " "
                        + contentType + "\n  " + String.join("\n  ", violations) + "\n  body: "
                        + new String(body, 0, Math.min(body.length, 2_000), StandardCharsets.UTF_8));
            }
            return ClientResponse.create(response.statusCode(), response.strategies())
                    .headers(headers -> headers.addAll(response.headers().asHttpHeaders()))
                    .cookies(cookies -> cookies.addAll(response.cookies()))
                    .request(response.request())
                    .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
                    .build();
        });
    }

    /** What is wrong with a response to {@code method path}, or nothing. */
    public List<String> violations(String method, String path, int status, String contentType, byte[] body) {
        List<String> violations = new ArrayList<>();
        String template = template(path);
        if (template == null) {
            violations.add("no path in the contract matches " + path);
            return violations;
        }
        JsonNode operation = document.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            violations.add(method + " is not declared for " + template);
            return violations;
        }
        JsonNode responses = operation.get("responses");
        String statusKey = String.valueOf(status);
        JsonNode declared = responses.get(statusKey);
        if (declared == null) {
            violations.add("status " + status + " is not declared for " + method + " " + template + " (declared: "
                    + responses.propertyNames() + ")");
            return violations;
        }
        declared = resolve(declared);
        JsonNode content = declared.get("content");
        if (content == null || content.isEmpty()) {
            if (body.length > 0) {
                violations.add("status " + status + " of " + method + " " + template + " declares no body, got "
                        + body.length + " bytes of " + contentType);
            }
            return violations;
        }
        if (contentType == null) {
            if (body.length > 0) {
                violations.add("a body without a content type");
            }
            return violations;
        }
        MediaType actual = MediaType.parseMediaType(contentType);
        String mediaKey = null;
        for (String key : content.propertyNames()) {
            if (MediaType.parseMediaType(key).equalsTypeAndSubtype(actual)) {
                mediaKey = key;
            }
        }
        if (mediaKey == null) {
            violations.add("content type " + contentType + " is not declared for " + status + " of " + method + " "
                    + template + " (declared: " + content.propertyNames() + ")");
            return violations;
        }
        if (!actual.getSubtype().endsWith("json") || content.get(mediaKey).get("schema") == null) {
            return violations;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException unreadable) {
            violations.add("the body is not JSON: " + unreadable.getMessage());
            return violations;
        }
        JsonNode statusNode = responses.get(statusKey);
        String pointer = (statusNode.has("$ref") ? statusNode.get("$ref").stringValue().substring(1)
                : "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + statusKey)
                + "/content/" + escape(mediaKey) + "/schema";
        Schema schema = compiled.computeIfAbsent(pointer,
                location -> schemas.getSchema(SchemaLocation.of(DOCUMENT_ID + "#" + location)));
        for (Error error : schema.validate(json)) {
            violations.add("body " + error);
        }
        return violations;
    }

    /** The contract's path template that a concrete path falls under (a fixed segment wins over a variable). */
    public String template(String path) {
        String best = null;
        int bestFixed = -1;
        for (Map.Entry<String, Pattern> entry : paths.entrySet()) {
            if (entry.getValue().matcher(path).matches()) {
                int fixed = entry.getKey().replaceAll("\\{[^}]+}", "").length();
                if (fixed > bestFixed) {
                    best = entry.getKey();
                    bestFixed = fixed;
                }
            }
        }
        return best;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = document.at(resolved.get("$ref").stringValue().substring(1));
        }
        return resolved;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = Pattern.compile("\\{[^}]+}").matcher(template);
        int at = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(at, variable.start()))).append("[^/]+");
            at = variable.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString());
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static synchronized void record(Path file, String method, String path, int status, String contentType,
                                            byte[] body, List<String> violations) {
        ObjectNode line = JSON.createObjectNode();
        line.put("method", method);
        line.put("path", path);
        line.put("status", status);
        line.put("contentType", contentType);
        line.put("body", new String(body, 0, Math.min(body.length, 4_000), StandardCharsets.UTF_8));
        line.putPOJO("violations", violations);
        try {
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operations' JSON nodes, for the tests of the contract itself. */
    public Iterator<Map.Entry<String, JsonNode>> pathItems() {
        return document.get("paths").properties().iterator();
    }
}
