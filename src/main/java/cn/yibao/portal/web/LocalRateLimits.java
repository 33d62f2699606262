package cn.yibao.portal.web;

import cn.yibao.portal.web.domain.RequestWindow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Request windows in this node's memory: the single-node default, and the fallback while Redis is unreachable. */
final class LocalRateLimits {

    private final RequestWindow window;
    private final LongSupplier nowMicros;
    private final Map<String, ArrayDeque<Long>> requests = new ConcurrentHashMap<>();

    LocalRateLimits(RequestWindow window) {
        this(window, () -> System.currentTimeMillis() * 1000);
    }

    LocalRateLimits(RequestWindow window, LongSupplier nowMicros) {
        this.window = window;
        this.nowMicros = nowMicros;
    }

    Optional<Duration> take(String key) {
        long now = nowMicros.getAsLong();
        Optional<Duration>[] wait = new Optional[1];
        requests.compute(key, (ignored, times) -> {
            ArrayDeque<Long> recent = times == null ? new ArrayDeque<>() : times;
            while (!recent.isEmpty() && recent.peekFirst() <= RequestWindow.expiredUpTo(now)) {
                recent.pollFirst();
            }
            wait[0] = window.decide(recent.size(), recent.isEmpty() ? now : recent.peekFirst(), now);
            if (wait[0].isEmpty()) {
                recent.addLast(now);
            }
            return recent;
        });
        // Clients quiet for a minute carry no information: forget them, so that the map does not grow without end.
        if (requests.size() > 100_000) {
            requests.values().removeIf(times -> times.isEmpty() || times.peekLast() <= RequestWindow.expiredUpTo(now));
        }
        return wait[0];
    }
}
