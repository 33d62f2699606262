package cn.yibao.portal.database;

import java.util.function.Function;
import reactor.util.context.Context;

/**
 * Work outside a request (a scheduled job, a start-up task) counts its pooled connections like a request does
 * ({@link OneConnectionPerRequest}): {@code job().contextWrite(ConnectionScope.of("payment sweep"))}.
 */
public final class ConnectionScope {

    private ConnectionScope() {
    }

    public static Function<Context, Context> of(String task) {
        return context -> context.put(HeldConnections.KEY, new HeldConnections(task));
    }
}
