package cn.yibao.portal.database;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many pooled connections one request holds right now. {@link RequestConnectionScope} puts one into the Reactor
 * context of every request; {@link OneConnectionPerRequest} counts in it.
 */
final class HeldConnections {

    static final Class<HeldConnections> KEY = HeldConnections.class;

    private final String request;
    private final AtomicInteger held = new AtomicInteger();

    HeldConnections(String request) {
        this.request = request;
    }

    /** "GET /api/v1/family": what the log line and the error name. */
    String request() {
        return request;
    }

    int count() {
        return held.get();
    }

    void acquired() {
        held.incrementAndGet();
    }

    void released() {
        held.decrementAndGet();
    }
}
