package cn.yibao.portal.upstream.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of JSON Lines: a flat JSON object whose values are strings, numbers, booleans or null. Numbers and booleans
 * keep their JSON text ({@code 12000}, {@code true}) so that the field rules decide what is valid; null counts as
 * absent. Nested objects and arrays are refused: no upstream field has one. Small on purpose, so that the rules stay
 * plain Java without a JSON library.
 */
final class JsonLine {

    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private int at;

    private JsonLine(String text) {
        this.text = text;
    }

    /** The object's fields in file order, null values left out. */
    static Map<String, String> parse(String text) throws Malformed {
        return new JsonLine(text).object();
    }

    private Map<String, String> object() throws Malformed {
        Map<String, String> values = new LinkedHashMap<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        space();
        expect('{', "应以 { 开始一个 JSON 对象");
        space();
        if (peek() == '}') {
            at++;
        } else {
            while (true) {
                space();
                if (peek() != '"') {
                    throw malformed("应为用双引号括起的字段名");
                }
                String key = string();
                if (!keys.add(key)) {
                    throw new Malformed("字段 " + key + " 出现了两次");
                }
                space();
                expect(':', "字段名后应为冒号");
                space();
                String value = value(key);
                if (value != null) {
                    values.put(key, value);
                }
                space();
                char next = peek();
                at++;
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    at--;
                    throw malformed("字段之间应为逗号，对象应以 } 结束");
                }
            }
        }
        space();
        if (at < text.length()) {
            throw malformed("JSON 对象结束后还有多余内容（每行只能有一个对象）");
        }
        return values;
    }

    private String value(String key) throws Malformed {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            throw new Malformed("字段 " + key + " 的值不能是对象或数组");
        }
        if (text.startsWith("true", at) || text.startsWith("false", at)) {
            String literal = text.startsWith("true", at) ? "true" : "false";
            at += literal.length();
            return literal;
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        return number();
    }

    private String number() throws Malformed {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (!Character.isDigit(peek()) || !isAscii(peek())) {
            throw malformed("应为字符串、数字、true、false 或 null");
        }
        if (peek() == '0') {
            at++;
        } else {
            digits();
        }
        if (peek() == '.') {
            at++;
            requireDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            requireDigits();
        }
        return text.substring(start, at);
    }

    private void requireDigits() throws Malformed {
        if (!isAsciiDigit(peek())) {
            throw malformed("数字格式不正确");
        }
        digits();
    }

    private void digits() {
        while (isAsciiDigit(peek())) {
            at++;
        }
    }

    private String string() throws Malformed {
        at++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw malformed("字符串没有结束的双引号");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw malformed("字符串中不能有未转义的控制字符");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw malformed("字符串没有结束的双引号");
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw malformed("\\u 后应为 4 位十六进制数");
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw malformed("\\u 后应为 4 位十六进制数");
                    }
                    at += 4;
                }
                default -> throw malformed("不认识的转义 \\" + escaped);
            }
        }
    }

    private void expect(char c, String message) throws Malformed {
        if (peek() != c) {
            throw malformed(message);
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void space() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\r'
                || text.charAt(at) == '\n')) {
            at++;
        }
    }

    private Malformed malformed(String message) {
        return new Malformed(message + "（第 " + (at + 1) + " 个字符处）");
    }

    private static boolean isAscii(char c) {
        return c < 128;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
