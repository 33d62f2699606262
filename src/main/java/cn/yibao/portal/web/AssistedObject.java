package cn.yibao.portal.web;

import java.util.UUID;
import org.springframework.web.server.ServerWebExchange;

/**
 * The thing a request created or changed (a filing, a payment order), named by the module that made it, so that
 * the assisted-session gate can record it — id and number — in the resident's "代办记录". Handlers note it whether or
 * not anyone assists; only the gate reads it.
 *
 * @param kind   {@link #FILING} or {@link #PAYMENT}
 * @param number what the resident knows it by: the filing number or the order number
 */
public record AssistedObject(String kind, UUID id, String number) {

    public static final String ATTRIBUTE = "portal.assist.object";
    public static final String FILING = "FILING";
    public static final String PAYMENT = "PAYMENT";

    public static void note(ServerWebExchange exchange, String kind, UUID id, String number) {
        exchange.getAttributes().put(ATTRIBUTE, new AssistedObject(kind, id, number));
    }
}
