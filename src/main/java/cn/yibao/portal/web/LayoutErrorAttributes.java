package cn.yibao.portal.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Boot's own error pages (a path no route serves, 403, 503) get what every other page's layout gets from
 * {@link Pages}: above all whether the page is shown inside WeChat or Alipay, whose title bar replaces our header.
 * Only for a browser asking for HTML: a JSON error body stays as Boot writes it.
 */
class LayoutErrorAttributes extends DefaultErrorAttributes {

    private final Pages pages;

    LayoutErrorAttributes(Pages pages) {
        this.pages = pages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        boolean wantsHtml = request.headers().accept().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
        if (wantsHtml) {
            pages.layoutModel(request).forEach(attributes::putIfAbsent);
        }
        return attributes;
    }
}
