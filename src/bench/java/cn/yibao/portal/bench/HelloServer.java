package cn.yibao.portal.bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The baseline every target is compared with: a plain Reactor Netty server answering a small fixed body, the upper
 * bound of what any WebFlux handler on this machine could reach. It runs in its own JVM, like the portal, so that
 * the load generator sees the same kind of peer. Argument: the port (loopback only).
 */
public final class HelloServer {

    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private HelloServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) -> response
                        .header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(BODY.length))
                        .sendByteArray(Mono.just(BODY)))
                .bindNow();
        System.out.println("hello server on 127.0.0.1:" + server.port());
        server.onDispose().block();
    }
}
