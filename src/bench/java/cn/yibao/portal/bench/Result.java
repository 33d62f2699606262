package cn.yibao.portal.bench;

import java.util.Map;

/**
 * What one measured phase gave. {@code ok} counts answers the target accepts; {@code perSecond} is those per second,
 * so errors never raise a rate. {@code endedEarly}: the request supply ran out before the measurement time was up.
 */
record Result(String label, int connections, long ok, long errors, double seconds, double p50Millis,
              double p99Millis, double maxMillis, Map<String, Long> errorKinds, boolean endedEarly) {

    long requests() {
        return ok + errors;
    }

    double perSecond() {
        return seconds <= 0 ? 0 : ok / seconds;
    }
}
