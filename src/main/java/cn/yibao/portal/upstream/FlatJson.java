package cn.yibao.portal.upstream;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.upstream.domain.JsonLinesFile.NotAnObject;
import cn.yibao.portal.upstream.domain.JsonLinesFile;
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
                throw new NotAnObject(Phrase.of("upstream.problem.json.start"));
            }
            Map<String, String> values = new LinkedHashMap<>();
            Set<String> names = new HashSet<>();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                if (!names.add(name)) {
                    throw new NotAnObject(Phrase.of("upstream.problem.json.twice", name));
                }
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    throw new NotAnObject(Phrase.of("upstream.problem.json.nested", name));
                }
                if (value != JsonToken.VALUE_NULL) {
                    values.put(name, parser.getString());
                }
            }
            if (nextTokenAfterTheObject(parser)) {
                throw new NotAnObject(Phrase.of("upstream.problem.json.trailing"));
            }
            return values;
        } catch (JacksonException e) {
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            if (e instanceof UnexpectedEndOfInputException || column > line.length()) {
                throw new NotAnObject(Phrase.of("upstream.problem.json.unfinished"));
            }
            throw new NotAnObject(column > 0 ? Phrase.of("upstream.problem.json.syntax.at", column)
                    : Phrase.of("upstream.problem.json.syntax"));
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
