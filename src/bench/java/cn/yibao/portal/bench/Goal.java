package cn.yibao.portal.bench;

/**
 * A target's goal from issue #14, as text for the table and as a check of the measured figures. Ratios are to the
 * hello server measured in the same run.
 */
record Goal(String text, Check check) {

    interface Check {
        boolean met(Result result, double ratio);
    }

    static Goal none() {
        return new Goal("", null);
    }

    static Goal baseline() {
        return new Goal("(baseline)", null);
    }

    static Goal ratioAtLeast(double ratio) {
        return new Goal("≥ " + percent(ratio) + " of hello", (r, x) -> x >= ratio);
    }

    static Goal p99AtMost(double ms) {
        return new Goal("p99 ≤ " + (int) ms + " ms", (r, x) -> r.p99Millis() <= ms);
    }

    /** The signed-in pages: a share of hello, a p99 bound, and not one error. */
    static Goal page(double ratio, double p99Ms) {
        return new Goal("≥ " + percent(ratio) + ", p99 ≤ " + (int) p99Ms + " ms, 0 errors",
                (r, x) -> x >= ratio && r.p99Millis() <= p99Ms && r.errors() == 0);
    }

    static Goal rateAtLeast(double perSecond, double p99Ms) {
        return new Goal("≥ " + String.format("%,d", (long) perSecond) + "/s, p99 ≤ " + (int) p99Ms + " ms",
                (r, x) -> r.perSecond() >= perSecond && r.p99Millis() <= p99Ms);
    }

    /** "met", "NOT met", or blank for a target without a goal. */
    String verdict(Result result, double ratio) {
        if (check == null) {
            return "";
        }
        return check.met(result, ratio) ? "met" : "NOT met";
    }

    private static String percent(double ratio) {
        return (int) Math.round(ratio * 100) + " %";
    }
}
