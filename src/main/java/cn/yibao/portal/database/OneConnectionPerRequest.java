package cn.yibao.portal.database;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Wraps the connection pool and notices a request that asks for a second connection while it still holds one: a
 * query inside {@code flatMap}/{@code concatMap} over rows still streaming, or two queries zipped side by side. Under
 * load such requests each hold one connection and wait for another, so the pool runs dry and everyone waits.
 * {@code warn} logs the request once; {@code fail} (tests) refuses the second connection so that the request fails
 * and the test that sent it shows where.
 */
final class OneConnectionPerRequest implements ConnectionFactory, Wrapped<ConnectionFactory> {

    enum Mode { OFF, WARN, FAIL }

    private static final Log log = LogFactory.getLog(OneConnectionPerRequest.class);

    private final ConnectionFactory pool;
    private final Mode mode;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    OneConnectionPerRequest(ConnectionFactory pool, Mode mode) {
        this.pool = pool;
        this.mode = mode;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.deferContextual(context -> {
            HeldConnections held = context.getOrDefault(HeldConnections.KEY, null);
            if (held == null) {
                return Mono.from(pool.create()); // not a request: a scheduled job or the start-up
            }
            if (held.count() > 0) {
                String problem = held.request() + " asked for a second database connection while holding one";
                if (mode == Mode.FAIL) {
                    return Mono.error(new NestedConnectionAcquisition(problem));
                }
                if (reported.add(held.request())) {
                    log.error(problem + " (read the rows first, then fetch what they refer to in one query)");
                }
            }
            return Mono.from(pool.create()).map(connection -> TrackedConnection.of(connection, held));
        });
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return pool.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return pool;
    }

    /** A request that already holds a connection asked for another one (tests only). */
    static final class NestedConnectionAcquisition extends IllegalStateException {
        NestedConnectionAcquisition(String message) {
            super(message);
        }
    }
}
