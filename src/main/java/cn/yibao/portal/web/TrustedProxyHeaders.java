package cn.yibao.portal.web;

import cn.yibao.portal.web.api.TrustedProxies;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * The portal's only reading of forwarded headers (registered as WebFlux's {@code forwardedHeaderTransformer}, so it
 * runs before everything else). From a configured proxy ({@code portal.trusted-proxies}) it takes the client address
 * from {@code X-Forwarded-For} read from the right ({@link TrustedProxies#clientOf}) and the scheme from
 * {@code X-Forwarded-Proto}; the host stays the {@code Host} header the proxy sets. {@code Forwarded},
 * {@code X-Forwarded-Host}, {@code -Port} and {@code -Prefix} are never believed. From anyone else every forwarded
 * header is dropped, so that nothing further in may believe them either.
 */
final class TrustedProxyHeaders extends ForwardedHeaderTransformer {

    private static final List<String> FORWARDED = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl");

    private final TrustedProxies proxies;

    TrustedProxyHeaders(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public ServerHttpRequest apply(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        if (FORWARDED.stream().noneMatch(headers::containsHeader)) {
            return request;
        }
        InetSocketAddress peer = request.getRemoteAddress();
        InetAddress peerAddress = peer == null ? null : peer.getAddress();
        ServerHttpRequest.Builder builder = request.mutate().headers(writable -> FORWARDED.forEach(writable::remove));
        if (!proxies.trusts(peerAddress)) {
            return builder.build();
        }
        Optional<InetAddress> client = proxies.clientOf(peerAddress,
                Optional.ofNullable(headers.get("X-Forwarded-For")).orElse(List.of()));
        client.ifPresent(address -> builder.remoteAddress(new InetSocketAddress(address, 0)));
        String proto = headers.getFirst("X-Forwarded-Proto");
        if (proto != null) {
            String scheme = proto.split(",")[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (scheme.equals("https") || scheme.equals("http")) {
                builder.uri(withScheme(request.getURI(), scheme));
            }
        }
        return builder.build();
    }

    /** The request's URI as the browser addressed it: the proxy's scheme, the default port for it unless the Host named one. */
    private static URI withScheme(URI uri, String scheme) {
        if (scheme.equals(uri.getScheme())) {
            return uri;
        }
        int port = uri.getPort() == 80 || uri.getPort() == 443 ? -1 : uri.getPort();
        try {
            return new URI(scheme, uri.getRawUserInfo() == null ? null : uri.getUserInfo(), uri.getHost(), port,
                    uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            return uri;
        }
    }
}
