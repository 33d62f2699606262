package cn.yibao.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.util.DigestUtils;

/**
 * The API's OpenAPI 3.1 contract, {@code classpath:api/openapi.json}, served as written: public (an app developer
 * reads it before having a token), cacheable for an hour, with an ETag so a client that has it gets a 304.
 */
final class ApiContractRoute {

    static final String PATH = "/api/v1/openapi.json";
    private static final String RESOURCE = "api/openapi.json";

    private ApiContractRoute() {
    }

    static RouterFunction<ServerResponse> router() {
        byte[] contract = read();
        String etag = "\"" + DigestUtils.md5DigestAsHex(contract) + "\"";
        return RouterFunctions.route().GET(PATH, request -> request.checkNotModified(etag)
                .switchIfEmpty(ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                        .eTag(etag)
                        .bodyValue(contract)))
                .build();
    }

    private static byte[] read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The API contract " + RESOURCE + " is missing from the classpath", e);
        }
    }
}
