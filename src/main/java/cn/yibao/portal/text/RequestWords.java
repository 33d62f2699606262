package cn.yibao.portal.text;

import cn.yibao.portal.shared.Phrase;
import java.util.Locale;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * A {@link Phrase} said in the language of the request being answered (the page's language; for the API the one
 * the request asks for), for code that answers a request but has no {@link Phrases} of its own (static helpers,
 * filters).
 */
public final class RequestWords {

    private RequestWords() {
    }

    public static String say(ServerRequest request, Phrase phrase) {
        return say(request.exchange(), phrase);
    }

    public static String say(ServerWebExchange exchange, Phrase phrase) {
        ApplicationContext context = exchange.getApplicationContext();
        if (context == null) {
            throw new IllegalStateException("No application context on the exchange to find the message bundles in");
        }
        return context.getBean(Phrases.class).say(phrase, locale(exchange));
    }

    public static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }
}
