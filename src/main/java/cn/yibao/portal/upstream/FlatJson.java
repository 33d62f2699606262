package cn.yibao.portal.upstream;

import cn.yibao.portal.upstream.domain.JsonLinesFile;
import cn.yibao.portal.upstream.domain.JsonLinesFile.NotAnObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * A line of JSON Lines read with Jackson for {@link JsonLinesFile} (whose domain code may not use a JSON library).
 * Jackson's default is strict JSON: no comments, single quotes, unquoted names, trailing commas, leading zeros or NaN.
 * Its own messages are English, so a syntax error is reported by its position in the line.
 */
public final class FlatJson {

    private static final JsonFactory JSON = new JsonFactory();

    private FlatJson() {
    }

    /** See {@link JsonLinesFile.ObjectReader#fields}. */
    public static Map<String, String> fields(String line) throws NotAnObject {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new NotAnObject("应以 { 开始一个 JSON 对象");
            }
            Map<String, String> values = new LinkedHashMap<>();
            Set<String> names = new HashSet<>();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                if (!names.add(name)) {
                    throw new NotAnObject("字段 " + name + " 出现了两次");
                }
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    throw new NotAnObject("字段 " + name + " 的值不能是对象或数组");
                }
                if (value != JsonToken.VALUE_NULL) {
                    values.put(name, parser.getString());
                }
            }
            if (nextTokenAfterTheObject(parser)) {
                throw new NotAnObject("JSON 对象结束后还有多余内容（每行只能有一个对象）");
            }
            return values;
        } catch (JacksonException e) {
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            if (e instanceof UnexpectedEndOfInputException || column > line.length()) {
                throw new NotAnObject("这一行在 JSON 对象结束之前就结束了（缺少结束的双引号或 }）");
            }
            throw new NotAnObject((column > 0 ? "第 " + column + " 个字符处" : "") + "不符合 JSON 语法"
                    + "（字段名和字符串应使用双引号，字段之间以逗号分隔）");
        }
    }

    private static boolean nextTokenAfterTheObject(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (JacksonException e) {
            return true;
        }
    }
}
