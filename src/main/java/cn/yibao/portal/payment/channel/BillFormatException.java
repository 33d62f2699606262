package cn.yibao.portal.payment.channel;

import cn.yibao.portal.shared.Phrase;

/**
 * A bill file that cannot be read. The operator who imports it reads why, in their language: {@link #phrase()} (the
 * bill's own column names and values go in as {@link cn.yibao.portal.shared.Verbatim}). The exception's message,
 * for logs, names the line and the key, not the bill's values.
 */
public class BillFormatException extends Exception {

    /** "第 {0} 行：{1}": a fault on one line, the line first. */
    public static final String AT_LINE = "reconcile.billFile.atLine";

    private final int lineNumber;
    private final Phrase phrase;

    /** A fault of the file as a whole (empty, no header, no totals); {@code lineNumber} is where it showed. */
    public BillFormatException(int lineNumber, Phrase phrase) {
        this(lineNumber, phrase, phrase.key());
    }

    private BillFormatException(int lineNumber, Phrase phrase, String reasonKey) {
        super("bill line " + lineNumber + ": " + reasonKey);
        this.lineNumber = lineNumber;
        this.phrase = phrase;
    }

    /** A fault on one line: said as "第 n 行：" and the reason. */
    public static BillFormatException atLine(int lineNumber, String key, Object... args) {
        return new BillFormatException(lineNumber, Phrase.of(AT_LINE, lineNumber, Phrase.of(key, args)), key);
    }

    public int lineNumber() {
        return lineNumber;
    }

    public Phrase phrase() {
        return phrase;
    }
}
