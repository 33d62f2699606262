package cn.yibao.portal.payment.channel;

import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** How the real channels run their SDKs' blocking calls: off the event loop, errors told without bodies. */
public final class ChannelCalls {

    private static final Logger log = LoggerFactory.getLogger(ChannelCalls.class);

    private ChannelCalls() {
    }

    /**
     * Runs {@code sdkCall} on boundedElastic. An SDK exception becomes the {@link ChannelCallException} that
     * {@code translate} makes of it (SDK exception messages can carry request and response bodies, so they are
     * neither kept nor logged).
     */
    public static <T> Mono<T> blocking(Callable<T> sdkCall, Function<Throwable, ChannelCallException> translate) {
        return Mono.fromCallable(sdkCall)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> !(e instanceof ChannelCallException), e -> {
                    ChannelCallException translated = translate.apply(e);
                    log.warn("{}", translated.getMessage());
                    return translated;
                });
    }
}
