package cn.yibao.portal.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Every route the portal's router functions declare, as "METHOD /path/{pattern}", read by visiting them — so a test
 * can notice a route that nobody has classified yet.
 */
public final class RouteCatalog {

    private RouteCatalog() {
    }

    public static Set<String> of(Collection<RouterFunction<?>> routers) {
        Set<String> routes = new TreeSet<>();
        for (RouterFunction<?> router : routers) {
            router.accept(new Routes(routes));
        }
        return routes;
    }

    /** Collects nested path prefixes and each route's methods and pattern. */
    private static final class Routes implements RouterFunctions.Visitor {

        private final Set<String> routes;
        private final List<String> prefixes = new ArrayList<>();

        Routes(Set<String> routes) {
            this.routes = routes;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            Parts parts = Parts.of(predicate);
            prefixes.add(String.join("", parts.paths));
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.remove(prefixes.size() - 1);
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            Parts parts = Parts.of(predicate);
            String prefix = String.join("", prefixes);
            List<String> paths = parts.paths.isEmpty() ? List.of("") : parts.paths;
            List<String> methods = parts.methods.isEmpty() ? List.of("ANY") : parts.methods;
            for (String method : methods) {
                for (String path : paths) {
                    routes.add(method + " " + prefix + path);
                }
            }
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
            routes.add("GET (static resources)");
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
            routes.add("UNKNOWN " + routerFunction);
        }
    }

    /** The methods and path patterns a predicate names (an "or" of paths gives several). */
    private static final class Parts implements RequestPredicates.Visitor {

        final List<String> methods = new ArrayList<>();
        final List<String> paths = new ArrayList<>();

        static Parts of(RequestPredicate predicate) {
            Parts parts = new Parts();
            predicate.accept(parts);
            return parts;
        }

        @Override
        public void method(Set<HttpMethod> httpMethods) {
            httpMethods.forEach(method -> methods.add(method.name()));
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
