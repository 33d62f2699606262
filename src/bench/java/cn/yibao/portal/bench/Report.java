package cn.yibao.portal.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The final table: one line per target with its figures, the ratio to hello, its goal and whether it is met. */
final class Report {

    private static final String ROW = "%-38s %5s %9s %9s %8s %8s %7s %7s %8s %8s  %-34s %s%n";

    private Report() {
    }

    static void print(Result helloBefore, Result helloAfter, List<Result> results, Map<String, Goal> goals) {
        double baseline = (helloBefore.perSecond() + helloAfter.perSecond()) / 2;
        System.out.printf(Locale.ROOT, ROW, "target", "conns", "requests", "req/s", "p50 ms", "p99 ms", "errors",
                "ratio", "app CPU", "db CPU", "goal", "met?");
        System.out.println("-".repeat(168));
        row(helloBefore, baseline, Goal.baseline());
        row(helloAfter, baseline, Goal.baseline());
        for (Result result : results) {
            row(result, baseline, goals.get(result.label()));
        }
        System.out.println("ratio: a target's req/s over the mean of hello's before and after the targets");
    }

    private static void row(Result result, double baseline, Goal goal) {
        double ratio = baseline == 0 ? 0 : result.perSecond() / baseline;
        System.out.printf(Locale.ROOT, ROW, result.label() + (result.endedEarly() ? " *" : ""), result.connections(),
                String.format(Locale.ROOT, "%,d", result.requests()),
                String.format(Locale.ROOT, "%,.0f", result.perSecond()),
                millis(result.p50Millis()), millis(result.p99Millis()),
                String.format(Locale.ROOT, "%,d", result.errors()),
                String.format(Locale.ROOT, "%.1f %%", ratio * 100), cpu(result.portalCpuMillisPerRequest()),
                cpu(result.databaseCpuMillisPerRequest()), goal.text(), goal.verdict(result, ratio));
    }

    /** CPU milliseconds per request ("-" for hello, whose process is not the portal). */
    private static String cpu(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.2f ms", millis);
    }

    /** Below the table: what the errors were, so a failed goal can be read without the logs. */
    static void printLegend() {
        System.out.println("app CPU / db CPU: CPU time the portal's JVM / its PostgreSQL used per request answered while"
                + " measured (steadier than req/s on a shared machine)");
    }

    static void printErrors(List<Result> results) {
        for (Result result : results) {
            if (result.endedEarly()) {
                System.out.printf(Locale.ROOT, "* %s: the request supply ran out after %.1f s of measurement%n",
                        result.label(), result.seconds());
            }
            result.errorKinds().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                    .forEach(e -> System.out.printf(Locale.ROOT, "errors of %s: %,d × %s%n", result.label(),
                            e.getValue(), e.getKey()));
        }
    }

    private static String millis(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }
}
