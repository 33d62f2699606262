package cn.yibao.portal.text;

import cn.yibao.portal.shared.Phrase;
import java.util.Locale;
import java.util.function.Function;
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
        return sayer(exchange).apply(phrase);
    }

    /** Says phrases in the request's language; the bundles and the language looked up once, for many phrases. */
    public static Function<Phrase, String> sayer(ServerRequest request) {
        return sayer(request.exchange());
    }

    public static Function<Phrase, String> sayer(ServerWebExchange exchange) {
        ApplicationContext context = exchange.getApplicationContext();
        if (context == null) {
            throw new IllegalStateException("No application context on the exchange to find the message bundles in");
        }
        Phrases phrases = context.getBean(Phrases.class);
        Locale locale = locale(exchange);
        return phrase -> phrases.say(phrase, locale);
    }

    public static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }
}
