package cn.yibao.portal.database;

import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;
import reactor.util.function.Tuples;

/**
 * {@code Mono.zip} for queries: the same tuple, but each source starts only once the one before has finished, so a
 * request holds one pooled connection at a time ({@code Mono.zip} subscribes to all sources at once and takes a
 * connection for each). Empty if any source is empty, like {@code Mono.zip}.
 */
public final class InTurn {

    private InTurn() {
    }

    public static <A, B> Mono<Tuple2<A, B>> zip(Mono<A> first, Mono<B> second) {
        return first.flatMap(a -> second.map(b -> Tuples.of(a, b)));
    }

    public static <A, B, C> Mono<Tuple3<A, B, C>> zip(Mono<A> first, Mono<B> second, Mono<C> third) {
        return first.flatMap(a -> second.flatMap(b -> third.map(c -> Tuples.of(a, b, c))));
    }
}
