package cn.yibao.portal.payment.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A channel's API on 127.0.0.1 for one test: it records every request and answers with what the test's responder
 * returns. OkHttp's MockWebServer underneath, because it sends header names exactly as given (the WeChat Pay SDK
 * looks response headers up case-sensitively; the JDK's HTTP server would rewrite "Wechatpay-Timestamp").
 */
public final class LoopbackServer implements AutoCloseable {

    /** A request as it arrived: method, raw path with query, headers (lower case names), body text. */
    public record Request(String method, String pathAndQuery, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String path() {
            int query = pathAndQuery.indexOf('?');
            return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        }
    }

    public record Response(int status, Map<String, String> headers, String body) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> responder = request -> new Response(500, Map.of(), "");

    public LoopbackServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest recorded) {
                return answer(recorded);
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public void respond(Function<Request, Response> responder) {
        this.responder = responder;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests.size());
        }
        return requests.get(0);
    }

    private MockResponse answer(RecordedRequest recorded) {
        Map<String, String> headers = new TreeMap<>();
        recorded.getHeaders().forEach(header -> headers.put(header.getFirst().toLowerCase(Locale.ROOT), header.getSecond()));
        Request request = new Request(recorded.getMethod(), recorded.getTarget(), headers,
                recorded.getBody() == null ? "" : recorded.getBody().utf8());
        requests.add(request);
        Response response;
        try {
            response = responder.apply(request);
        } catch (RuntimeException | AssertionError e) {
            response = new Response(599, Map.of(), String.valueOf(e));
        }
        MockResponse.Builder builder = new MockResponse.Builder().code(response.status());
        response.headers().forEach(builder::addHeader);
        if (!response.body().isEmpty()) {
            builder.body(response.body());
        }
        return builder.build();
    }

    @Override
    public void close() {
        server.close();
    }
}
