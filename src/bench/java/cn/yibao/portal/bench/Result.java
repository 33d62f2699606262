package cn.yibao.portal.bench;

import java.util.Map;

/**
 * What one measured phase gave. {@code ok} counts answers the target accepts; {@code perSecond} is those per second,
 * so errors never raise a rate. {@code endedEarly}: the request supply ran out before the measurement time was up.
 */
record Result(String label, int connections, long ok, long errors, double seconds, double p50Millis,
              double p99Millis, double maxMillis, Map<String, Long> errorKinds, boolean endedEarly,
              double portalCpuMillisPerRequest, double databaseCpuMillisPerRequest) {

    /**
     * The same with the CPU the portal and its database used during the measured phase, per request answered: far
     * steadier than requests per second on a machine shared with other work.
     */
    Result withCpu(Portal.Cpu before, Portal.Cpu after) {
        long answered = Math.max(1, ok + errors);
        return new Result(label, connections, ok, errors, seconds, p50Millis, p99Millis, maxMillis, errorKinds,
                endedEarly, (after.portalMillis() - before.portalMillis()) / (double) answered,
                (after.databaseMillis() - before.databaseMillis()) / (double) answered);
    }

    Result relabelled(String newLabel) {
        return new Result(newLabel, connections, ok, errors, seconds, p50Millis, p99Millis, maxMillis, errorKinds,
                endedEarly, portalCpuMillisPerRequest, databaseCpuMillisPerRequest);
    }

    long requests() {
        return ok + errors;
    }

    double perSecond() {
        return seconds <= 0 ? 0 : ok / seconds;
    }
}
