package cn.yibao.portal.benefit.web;

/**
 * How much of an annual cap is used, as a small SVG bar (no inline styles, so the CSP holds); the text beside it
 * carries the figures, the bar only shows the proportion.
 */
final class CapBar {

    private static final int WIDTH = 300;
    private static final int HEIGHT = 24;

    private CapBar() {
    }

    static String svg(long usedFen, long capFen, String label) {
        double share = capFen <= 0 ? 1 : Math.min(1, (double) usedFen / capFen);
        long usedWidth = Math.round(WIDTH * share);
        String colour = share >= 1 ? "#a30d0d" : "#0b5d3b";
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cap-bar\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"img\" aria-label=\"" + SpendingChart.escape(label) + "\">"
                + "<rect x=\"0\" y=\"0\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" rx=\"6\" fill=\"#dde5e0\"/>"
                + (usedWidth > 0 ? "<rect class=\"cap-used\" x=\"0\" y=\"0\" width=\"" + usedWidth + "\" height=\""
                + HEIGHT + "\" rx=\"6\" fill=\"" + colour + "\"/>" : "")
                + "</svg>";
    }
}
