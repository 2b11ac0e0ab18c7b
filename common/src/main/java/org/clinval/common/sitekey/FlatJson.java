package org.clinval.common.sitekey;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of the key files: one object whose members are strings or non-negative integers, read
 * and written without a JSON library (this module depends on the JDK only). Anything else is
 * refused with the position of the first bad character.
 */
final class FlatJson {

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    /** Writes {@code members} (String or Long/Integer values) as an indented object. */
    static String write(Map<String, Object> members) {
        StringBuilder s = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : members.entrySet()) {
            s.append("  ").append(quote(e.getKey())).append(": ");
            Object v = e.getValue();
            s.append(v instanceof Number n ? Long.toString(n.longValue()) : quote(v.toString()));
            s.append(++i < members.size() ? ",\n" : "\n");
        }
        return s.append("}\n").toString();
    }

    /**
     * Reads an object of strings and integers; integers are returned as {@link Long}.
     *
     * @throws IllegalArgumentException naming the position of the first character that does not fit
     */
    static Map<String, Object> read(String text) {
        FlatJson p = new FlatJson(text);
        Map<String, Object> out = new LinkedHashMap<>();
        p.skip();
        p.expect('{');
        p.skip();
        if (p.peek() == '}') {
            p.at++;
        } else {
            while (true) {
                p.skip();
                String key = p.string();
                p.skip();
                p.expect(':');
                p.skip();
                out.put(key, p.peek() == '"' ? p.string() : p.number());
                p.skip();
                if (p.peek() == ',') {
                    p.at++;
                    continue;
                }
                p.expect('}');
                break;
            }
        }
        p.skip();
        if (p.at != text.length()) {
            throw p.bad("text after the object");
        }
        return out;
    }

    private char peek() {
        if (at >= text.length()) {
            throw bad("unexpected end");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw bad("expected '" + c + "'");
        }
        at++;
    }

    private void skip() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (true) {
            char c = peek();
            at++;
            if (c == '"') {
                return s.toString();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = peek();
            at++;
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) throw bad("short \\u escape");
                    try {
                        s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException x) {
                        throw bad("bad \\u escape");
                    }
                    at += 4;
                }
                default -> throw bad("bad escape \\" + e);
            }
        }
    }

    private Long number() {
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) at++;
        if (start == at || at - start > 18) {
            throw bad("expected a string or a non-negative integer");
        }
        return Long.parseLong(text.substring(start, at));
    }

    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException(what + " at character " + (at + 1));
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
