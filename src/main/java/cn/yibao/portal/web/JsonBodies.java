package cn.yibao.portal.web;

import cn.yibao.portal.web.domain.PlainText;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request body into its {@link JsonBody} record strictly, before a handler looks at anything else: each
 * field must already have its type (a number is not text, {@code 2024.5} or {@code "2024"} is not a whole number, a
 * list holds no {@code null}), fit its type, and any text must be plain and not too long. Whatever is wrong is a
 * {@link Refused} naming the field, answered as a 400 problem detail; nothing is coerced. Whether a required field is
 * there, and what its value means, stays with the handler and the rules.
 */
public final class JsonBodies {

    /** Longest text any body field may hold; the rules of each field may allow less. */
    public static final int MAX_TEXT = 2_000;
    /** Most items a list field may hold. */
    public static final int MAX_ITEMS = 100;
    /** Largest body read; no JSON body of this API comes near it. */
    static final int MAX_BYTES = 512 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonBodies() {
    }

    /** The body as its record, or why not. */
    public sealed interface Read<T extends Record> permits Body, Refused {
    }

    public record Body<T extends Record>(T value) implements Read<T> {
    }

    /** {@code field} is the body field at fault, or {@code "body"} when the body as a whole is not a JSON object. */
    public record Refused<T extends Record>(String field, String detail) implements Read<T> {

        public Mono<ServerResponse> response() {
            return ProblemResponses.fieldProblem(HttpStatus.BAD_REQUEST, detail, field);
        }
    }

    /**
     * Reads the request's body. {@code handle} gets the record; a refusal is answered as a 400 problem detail naming
     * the field.
     */
    public static <T extends Record> Mono<ServerResponse> read(ServerRequest request, Class<T> type,
                                                               java.util.function.Function<T, Mono<ServerResponse>> handle) {
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), MAX_BYTES)
                .map(RequestValues::bytes)
                .defaultIfEmpty(new byte[0])
                .map(bytes -> parse(bytes, type))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(new Refused<>("body",
                        "请求体过大（超过 " + MAX_BYTES / 1024 + " KB），没有保存任何内容。")))
                .flatMap(read -> read instanceof Body<T> body ? handle.apply(body.value())
                        : ((Refused<T>) read).response());
    }

    /** The pure part: JSON bytes to the record, or the first field at fault. */
    public static <T extends Record> Read<T> parse(byte[] json, Class<T> type) {
        JsonNode tree;
        JsonParser parser = null;
        try {
            parser = JSON.createParser(json);
            tree = JSON.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                return notAnObject(type);
            }
        } catch (JacksonException unreadable) {
            // A value too long to read, or a field given twice, is that field's fault; anything else, the body's.
            boolean fieldAtFault = unreadable instanceof StreamConstraintsException
                    || String.valueOf(unreadable.getOriginalMessage()).startsWith("Duplicate ");
            String field = parser == null || !fieldAtFault ? null : parser.streamReadContext().currentName();
            return field != null && isComponent(type, field)
                    ? new Refused<>(field, field + " 的值无法读取（格式不对或过长），请按示例填写。")
                    : notAnObject(type);
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
        if (tree == null || !tree.isObject()) {
            return notAnObject(type);
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            JsonNode node = tree.get(component.getName());
            Value value = node == null || node.isNull() ? new Value(null, null)
                    : convert(component.getName(), node, component.getGenericType());
            if (value.problem() != null) {
                return new Refused<>(component.getName(), value.problem());
            }
            values[i] = value.value();
        }
        return new Body<>(construct(type, components, values));
    }

    private record Value(Object value, String problem) {

        static Value refused(String problem) {
            return new Value(null, problem);
        }
    }

    private static Value convert(String field, JsonNode node, Type type) {
        if (type == String.class) {
            return text(field, node);
        }
        if (type == Integer.class || type == Long.class) {
            if (!node.isNumber()) {
                return Value.refused(field + " 应为整数（数字，不加引号）。");
            }
            if (!node.isIntegralNumber()) {
                return Value.refused(field + " 应为整数，不能带小数。");
            }
            if (type == Integer.class) {
                return node.canConvertToInt() ? new Value(node.intValue(), null)
                        : Value.refused(field + " 超出了允许的范围。");
            }
            return node.canConvertToLong() ? new Value(node.longValue(), null)
                    : Value.refused(field + " 超出了允许的范围。");
        }
        if (type == Boolean.class) {
            return node.isBoolean() ? new Value(node.booleanValue(), null)
                    : Value.refused(field + " 应为 true 或 false（不加引号）。");
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == String.class) {
            return texts(field, node);
        }
        throw new IllegalStateException("JSON body field " + field + " has a type the reader does not know: " + type);
    }

    private static Value text(String field, JsonNode node) {
        if (!node.isString()) {
            return Value.refused(field + " 应为文本（加引号的字符串）。");
        }
        String text = node.stringValue();
        Optional<String> problem = PlainText.problem(field, text, MAX_TEXT);
        return problem.map(Value::refused).orElseGet(() -> new Value(text, null));
    }

    private static Value texts(String field, JsonNode node) {
        if (!node.isArray()) {
            return Value.refused(field + " 应为列表，例如 [\"SELF\"]。");
        }
        if (node.size() > MAX_ITEMS) {
            return Value.refused(field + " 最多列出 " + MAX_ITEMS + " 项。");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item == null || item.isNull()) {
                return Value.refused(field + " 的第 " + (i + 1) + " 项为空（null），请删去或填写。");
            }
            Value value = text(field, item);
            if (value.problem() != null) {
                return Value.refused(value.problem().replaceFirst("^" + java.util.regex.Pattern.quote(field),
                        field + " 的第 " + (i + 1) + " 项"));
            }
            items.add((String) value.value());
        }
        return new Value(List.copyOf(items), null);
    }

    private static <T extends Record> Refused<T> notAnObject(Class<T> type) {
        JsonBody described = type.getAnnotation(JsonBody.class);
        return new Refused<>("body", "请求体应为 JSON 对象" + (described == null ? "" : "，例如 " + described.example())
                + "。");
    }

    private static boolean isComponent(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(name));
    }

    private static <T extends Record> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type.getName(), e);
        }
    }
}
