package cn.yibao.portal.web;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.web.api.PlainText;
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

    /**
     * {@code field} is the body field at fault, or {@code "body"} when the body as a whole is not a JSON object;
     * {@code detail} says what is wrong ({@code api.body.*} and {@code text.*} in the message bundles).
     */
    public record Refused<T extends Record>(String field, Phrase detail) implements Read<T> {

        public Mono<ServerResponse> response() {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST, detail, field);
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
                        Phrase.of("api.body.too-large", MAX_BYTES / 1024))))
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
                    ? new Refused<>(field, Phrase.of("api.body.unreadable", field))
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

    private record Value(Object value, Phrase problem) {

        static Value refused(Phrase problem) {
            return new Value(null, problem);
        }
    }

    private static Value convert(String field, JsonNode node, Type type) {
        if (type == String.class) {
            return text(field, node);
        }
        if (type == Integer.class || type == Long.class) {
            if (!node.isNumber()) {
                return Value.refused(Phrase.of("api.body.integer", field));
            }
            if (!node.isIntegralNumber()) {
                return Value.refused(Phrase.of("api.body.whole-number", field));
            }
            if (type == Integer.class) {
                return node.canConvertToInt() ? new Value(node.intValue(), null)
                        : Value.refused(Phrase.of("api.body.out-of-range", field));
            }
            return node.canConvertToLong() ? new Value(node.longValue(), null)
                    : Value.refused(Phrase.of("api.body.out-of-range", field));
        }
        if (type == Boolean.class) {
            return node.isBoolean() ? new Value(node.booleanValue(), null)
                    : Value.refused(Phrase.of("api.body.boolean", field));
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == String.class) {
            return texts(field, node);
        }
        throw new IllegalStateException("JSON body field " + field + " has a type the reader does not know: " + type);
    }

    /** {@code field} is the field's name, or a phrase naming an item of a list field. */
    private static Value text(Object field, JsonNode node) {
        if (!node.isString()) {
            return Value.refused(Phrase.of("api.body.text", field));
        }
        String text = node.stringValue();
        Optional<Phrase> problem = PlainText.check(field, text, MAX_TEXT);
        return problem.map(Value::refused).orElseGet(() -> new Value(text, null));
    }

    private static Value texts(String field, JsonNode node) {
        if (!node.isArray()) {
            return Value.refused(Phrase.of("api.body.list", field));
        }
        if (node.size() > MAX_ITEMS) {
            return Value.refused(Phrase.of("api.body.list-too-long", field, MAX_ITEMS));
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item == null || item.isNull()) {
                return Value.refused(Phrase.of("api.body.item-null", field, i + 1));
            }
            // The item's problem names the item instead of the field: "insured 的第 2 项 应为文本".
            Value value = text(Phrase.of("api.body.item", field, i + 1), item);
            if (value.problem() != null) {
                return value;
            }
            items.add((String) value.value());
        }
        return new Value(List.copyOf(items), null);
    }

    private static <T extends Record> Refused<T> notAnObject(Class<T> type) {
        JsonBody described = type.getAnnotation(JsonBody.class);
        return new Refused<>("body", described == null ? Phrase.of("api.body.not-an-object")
                : Phrase.of("api.body.not-an-object.example", described.example()));
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
