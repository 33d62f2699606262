package cn.yibao.portal.payment.channel.wechat;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sends the SDK's requests for {@code https://api.mch.weixin.qq.com/v3/…} to another base URL (a test server). The
 * SDK signs the path and query, which stay as they are, so the signature still holds.
 */
final class BaseUrlInterceptor implements Interceptor {

    private final HttpUrl base;

    BaseUrlInterceptor(String baseUrl) {
        this.base = HttpUrl.get(baseUrl);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl original = chain.request().url();
        String prefix = base.encodedPath().endsWith("/")
                ? base.encodedPath().substring(0, base.encodedPath().length() - 1)
                : base.encodedPath();
        HttpUrl target = original.newBuilder()
                .scheme(base.scheme())
                .host(base.host())
                .port(base.port())
                .encodedPath(prefix + original.encodedPath())
                .build();
        return chain.proceed(chain.request().newBuilder().url(target).build());
    }
}
