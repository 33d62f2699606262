package cn.yibao.portal.bench;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thing to measure: where its requests come from, what counts as a good answer, and its goal. {@code prepare}
 * does the target's setup (sign-ins, tokens, codes) right before it is measured and returns its request source,
 * shared by warm-up and measurement so that a one-use request (an order for a fresh resident) is never sent twice.
 */
record Target(String key, String label, Goal goal, int expectedStatus, String mustContain, Prepare prepare) {

    /** One request; {@code body} null for none. */
    record Request(HttpMethod method, String uri, Map<String, String> headers, String body) {

        static Request get(String uri, Map<String, String> headers) {
            return new Request(HttpMethod.GET, uri, headers, null);
        }
    }

    /** The next request, or null when the supply is used up (the phase then ends early). */
    interface RequestSource {
        Request next();

        /** Between warm-up and measurement, e.g. to size a one-use supply by the rate the warm-up reached. */
        default void beforeMeasurement(Result warmUp) throws Exception {
        }
    }

    interface Prepare {
        RequestSource get() throws Exception;
    }

    /** The same requests round and round. */
    static RequestSource cycle(List<Request> requests) {
        AtomicLong next = new AtomicLong();
        return () -> requests.get((int) (next.getAndIncrement() % requests.size()));
    }

    /** Each request once, built on demand. */
    static RequestSource once(int count, java.util.function.IntFunction<Request> build) {
        AtomicLong next = new AtomicLong();
        return () -> {
            long i = next.getAndIncrement();
            return i < count ? build.apply((int) i) : null;
        };
    }

    /** Whether an answer is what the target expects (status, and a text the body must contain, if any). */
    boolean accepts(int status, String body) {
        return status == expectedStatus && (mustContain == null || body.contains(mustContain));
    }
}
