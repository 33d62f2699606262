package cn.yibao.portal.text;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A phrase kept beside a record so that a page can say it in its reader's language: the message key and its
 * arguments as JSON ({@code {"key": …, "args": [{"text": …}, {"number": "380"}, {"verbatim": …}, {"phrase": {…}}]}}).
 * The record itself stays the Chinese text ({@link Phrases#record}); what was written before phrases were kept, or
 * cannot be read back, reads as that text ({@link #asWritten}).
 */
public final class PhraseRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PhraseRecords() {
    }

    public static String write(Phrase phrase) {
        return phrase == null ? null : JSON.writeValueAsString(node(phrase));
    }

    /** The kept phrase, else the recorded text as written; null when there is neither. */
    public static Phrase read(String kept, String recorded) {
        if (kept != null) {
            try {
                return phrase(JSON.readTree(kept));
            } catch (JacksonException | IllegalArgumentException unreadable) {
                // Fall through to the record: it says the same in Chinese.
            }
        }
        return recorded == null ? null : asWritten(recorded);
    }

    /** A recorded text shown as it was written (Chinese, marked as such on an English page). */
    public static Phrase asWritten(String recorded) {
        return Phrase.of("record.asWritten", new Verbatim(recorded));
    }

    private static ObjectNode node(Phrase phrase) {
        ObjectNode node = NODES.objectNode();
        node.put("key", phrase.key());
        ArrayNode args = node.putArray("args");
        phrase.args().forEach(arg -> args.add(argument(arg)));
        return node;
    }

    private static ObjectNode argument(Object arg) {
        ObjectNode node = NODES.objectNode();
        if (arg instanceof Phrase nested) {
            node.set("phrase", node(nested));
        } else if (arg instanceof Verbatim verbatim) {
            node.put("verbatim", verbatim.text());
        } else if (arg instanceof List<?> items) {
            ArrayNode list = node.putArray("list");
            items.forEach(item -> list.add(argument(item)));
        } else if (arg instanceof BigDecimal || arg instanceof Long || arg instanceof Integer) {
            node.put("number", arg instanceof BigDecimal decimal ? decimal.toPlainString() : arg.toString());
        } else {
            node.put("text", arg.toString());
        }
        return node;
    }

    private static Phrase phrase(JsonNode node) {
        String key = node.path("key").asString(null);
        if (key == null || !node.path("args").isArray()) {
            throw new IllegalArgumentException("not a kept phrase");
        }
        List<Object> args = new ArrayList<>();
        node.path("args").forEach(arg -> args.add(argument(arg)));
        return new Phrase(key, args);
    }

    private static Object argument(JsonNode node) {
        if (node.has("phrase")) {
            return phrase(node.get("phrase"));
        }
        if (node.has("verbatim")) {
            return new Verbatim(node.get("verbatim").asString());
        }
        if (node.has("list")) {
            List<Object> items = new ArrayList<>();
            node.get("list").forEach(item -> items.add(argument(item)));
            return items;
        }
        if (node.has("number")) {
            BigDecimal number = new BigDecimal(node.get("number").asString());
            return number.scale() <= 0 ? (Object) number.longValueExact() : number;
        }
        if (node.has("text")) {
            return node.get("text").asString();
        }
        throw new IllegalArgumentException("not a kept argument");
    }
}
