package cn.yibao.portal.benefit.web;

import cn.yibao.portal.benefit.domain.Usage;
import java.util.List;

/**
 * The year's spending month by month as a small SVG bar chart, drawn on the server so that it needs no script and
 * reads on a phone: one stacked bar a month (fund, the other two tiers, the resident's own share). Colours come from
 * presentation attributes and CSS classes, never inline styles, so the page's CSP holds.
 */
final class SpendingChart {

    /** Texts from the message bundles: {@code title} and {@code summary} are read by screen readers. */
    record Labels(String title, String summary, String yuanSuffix, String tenThousandYuanSuffix, String fund,
                  String otherTiers, String self) {
    }

    private static final int WIDTH = 360;
    private static final int HEIGHT = 250;
    private static final int LEFT = 52;
    private static final int RIGHT = 6;
    private static final int TOP = 14;
    private static final int BOTTOM = 66;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final double SLOT = (WIDTH - LEFT - RIGHT) / 12.0;
    private static final double BAR = SLOT * 0.62;
    private static final String FUND_COLOUR = "#0b5d3b";
    private static final String OTHER_COLOUR = "#4f8fbf";
    private static final String SELF_COLOUR = "#c0641a";

    private SpendingChart() {
    }

    static String svg(List<Usage.Month> months, Labels labels) {
        long top = niceCeiling(months.stream().mapToLong(m -> m.totals().totalFen()).max().orElse(0));
        StringBuilder svg = new StringBuilder(4096)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spending-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">")
                .append("<title id=\"chart-title\">").append(escape(labels.title())).append("</title>")
                .append("<desc id=\"chart-desc\">").append(escape(labels.summary())).append("</desc>");
        grid(svg, top, labels);
        for (Usage.Month month : months) {
            bar(svg, month, top);
        }
        legend(svg, labels);
        return svg.append("</svg>").toString();
    }

    private static void grid(StringBuilder svg, long top, Labels labels) {
        for (int step = 0; step <= 2; step++) {
            long value = top * step / 2;
            double y = y(value, top);
            svg.append("<line class=\"chart-grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y))
                    .append("\" stroke=\"#9aa8a1\" stroke-width=\"1\"/>")
                    .append("<text class=\"chart-axis\" x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(y + 5))
                    .append("\" text-anchor=\"end\" font-size=\"14\" fill=\"#111\">")
                    .append(escape(axisLabel(value, labels))).append("</text>");
        }
    }

    /** Large amounts in 万元 so that the axis labels fit beside a phone-sized chart. */
    static String axisLabel(long fen, Labels labels) {
        long yuan = fen / 100;
        return yuan >= 10_000 && yuan % 10_000 == 0 ? yuan / 10_000 + labels.tenThousandYuanSuffix()
                : yuan >= 10_000 ? String.format(java.util.Locale.ROOT, "%.1f", yuan / 10_000.0) + labels.tenThousandYuanSuffix()
                : yuan + labels.yuanSuffix();
    }

    private static void bar(StringBuilder svg, Usage.Month month, long top) {
        double x = LEFT + (month.month() - 1) * SLOT + (SLOT - BAR) / 2;
        Usage.Totals totals = month.totals();
        long base = 0;
        base = segment(svg, x, base, totals.fundFen(), top, "chart-fund", FUND_COLOUR);
        base = segment(svg, x, base, totals.otherTiersFen(), top, "chart-other", OTHER_COLOUR);
        segment(svg, x, base, totals.selfFen(), top, "chart-self", SELF_COLOUR);
        svg.append("<text class=\"chart-axis\" x=\"").append(fmt(x + BAR / 2)).append("\" y=\"")
                .append(HEIGHT - BOTTOM + 18).append("\" text-anchor=\"middle\" font-size=\"14\" fill=\"#111\">")
                .append(month.month()).append("</text>");
    }

    private static long segment(StringBuilder svg, double x, long base, long amount, long top, String css,
                                String colour) {
        if (amount <= 0) {
            return base;
        }
        double y1 = y(base, top);
        double y2 = y(base + amount, top);
        svg.append("<rect class=\"").append(css).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y2))
                .append("\" width=\"").append(fmt(BAR)).append("\" height=\"").append(fmt(Math.max(y1 - y2, 1)))
                .append("\" fill=\"").append(colour).append("\"/>");
        return base + amount;
    }

    private static void legend(StringBuilder svg, Labels labels) {
        String[][] entries = {{labels.fund(), FUND_COLOUR}, {labels.otherTiers(), OTHER_COLOUR},
                {labels.self(), SELF_COLOUR}};
        int y = HEIGHT - 22;
        double x = LEFT - 40;
        for (String[] entry : entries) {
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y - 12).append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(entry[1]).append("\"/>")
                    .append("<text x=\"").append(fmt(x + 18)).append("\" y=\"").append(y)
                    .append("\" font-size=\"14\" fill=\"#111\">").append(escape(entry[0])).append("</text>");
            x += 20 + entry[0].length() * 14 + 14;
        }
    }

    private static double y(long value, long top) {
        return TOP + PLOT_HEIGHT - (top == 0 ? 0 : (double) value * PLOT_HEIGHT / top);
    }

    /** 1, 2 or 5 times a power of ten, in whole yuan, at least the largest month (at least 10 元 for an empty year). */
    static long niceCeiling(long maxFen) {
        long yuan = Math.max(10, (maxFen + 99) / 100);
        long power = 1;
        while (power * 10 < yuan) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (factor * power >= yuan) {
                return factor * power * 100;
            }
        }
        return power * 1000;
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
