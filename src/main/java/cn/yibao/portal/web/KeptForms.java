package cn.yibao.portal.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What was typed into a form sent after the session ran out, kept in the new session until the person has signed in
 * again and is back on the form's page, which shows it again. Only the form's plain fields, never the CSRF token,
 * an ID number or a confirmation, and never files; only for the page the form was on (a same-site path the caller
 * has checked). Taken once.
 */
public final class KeptForms {

    static final String ATTRIBUTE = "portal.keptForm";
    private static final String PATH = "@path";
    private static final Set<String> NEVER = Set.of("_csrf", "certno", "confirm", "edit");
    private static final int MAX_FIELDS = 20;
    private static final int MAX_LENGTH = 2_000;

    private KeptForms() {
    }

    /** Keeps the sent form's fields for the page at {@code path}; a body that cannot be read keeps nothing. */
    public static Mono<Void> keep(ServerWebExchange exchange, String path) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        Mono<Map<String, String>> fields;
        if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            fields = exchange.getFormData().map(form -> plain(form.toSingleValueMap()));
        } else if (MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            fields = exchange.getMultipartData().map(parts -> {
                Map<String, String> values = new HashMap<>();
                parts.forEach((name, list) -> list.stream().filter(FormFieldPart.class::isInstance).findFirst()
                        .ifPresent(part -> values.put(name, ((FormFieldPart) part).value())));
                return plain(values);
            });
        } else {
            return Mono.empty();
        }
        return fields.onErrorResume(unreadable -> Mono.empty())
                .filter(kept -> !kept.isEmpty())
                .flatMap(kept -> exchange.getSession().doOnNext(session -> {
                    HashMap<String, String> stored = new HashMap<>(kept);
                    stored.put(PATH, path);
                    session.getAttributes().put(ATTRIBUTE, stored);
                }))
                .then();
    }

    /** The fields kept for the page this request opens (then forgotten), or an empty map. */
    public static Mono<Map<String, String>> take(ServerRequest request) {
        String here = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        return request.session().map(session -> {
            if (!(session.getAttributes().get(ATTRIBUTE) instanceof Map<?, ?> stored)
                    || !here.equals(stored.get(PATH))) {
                return Map.<String, String>of();
            }
            session.getAttributes().remove(ATTRIBUTE);
            Map<String, String> fields = new HashMap<>();
            stored.forEach((k, v) -> {
                if (!PATH.equals(k) && v != null) {
                    fields.put(String.valueOf(k), String.valueOf(v));
                }
            });
            return Map.copyOf(fields);
        });
    }

    private static Map<String, String> plain(Map<String, String> form) {
        Map<String, String> kept = new HashMap<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (kept.size() < MAX_FIELDS && field.getKey() != null && field.getValue() != null
                    && !NEVER.contains(field.getKey()) && field.getKey().length() <= 64
                    && field.getValue().length() <= MAX_LENGTH) {
                kept.put(field.getKey(), field.getValue());
            }
        }
        return kept;
    }
}
