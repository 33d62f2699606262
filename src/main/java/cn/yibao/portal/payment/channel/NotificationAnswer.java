package cn.yibao.portal.payment.channel;

/** What we answer a channel: HTTP status, content type and body in the channel's own format. */
public record NotificationAnswer(int status, String contentType, String body) {
}
