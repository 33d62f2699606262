package cn.yibao.portal.payment.channel;

/**
 * A call to a real channel that did not give an answer we can act on: the channel was unreachable, answered with an
 * error, or its answer failed its signature check. The outcome at the channel is then unknown, so a caller may
 * retry with the same order or refund number. The message names the operation and the channel's error code only —
 * never request or response bodies, which can carry personal data.
 */
public class ChannelCallException extends RuntimeException {

    public ChannelCallException(String message) {
        super(message);
    }
}
