package cn.yibao.portal.payment.channel;

/** A bill file that cannot be read; the message is Chinese and names the line. */
public class BillFormatException extends Exception {

    private final int lineNumber;

    public BillFormatException(int lineNumber, String message) {
        super(message);
        this.lineNumber = lineNumber;
    }

    public int lineNumber() {
        return lineNumber;
    }
}
