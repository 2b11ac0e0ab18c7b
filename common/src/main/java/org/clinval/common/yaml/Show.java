package org.clinval.common.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.clinval.common.Quote;

/**
 * How values and expected types read in messages: the one place that words them, so that a problem
 * found by the schema and the same problem found by a reader read alike.
 */
public final class Show {

    private Show() {}

    /**
     * Returns a value as a message shows it: text quoted short by {@link Quote#value}, numbers as
     * written, {@code a mapping} or {@code a list} for collections, {@code nothing} for an empty
     * value.
     */
    public static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return "nothing";
        if (v.isTextual()) return Quote.value(v.textValue());
        if (v.isNumber()) return number(v);
        if (v.isBoolean()) return String.valueOf(v.booleanValue());
        if (v.isObject()) return "a mapping";
        if (v.isArray()) return "a list";
        return Quote.value(v.toString());
    }

    /** Returns a number without a trailing {@code .0} and, when long, cut like any value. */
    static String number(JsonNode v) {
        String s;
        if (v.isIntegralNumber()) {
            s = v.bigIntegerValue().toString();
        } else if (v.isDouble() || v.isFloat()) {
            double d = v.doubleValue();
            s = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : num(d);
        } else {
            s = v.decimalValue().stripTrailingZeros().toPlainString();
        }
        return s.length() > Quote.LIMIT ? Quote.value(s) : s;
    }

    private static String num(double d) {
        String s = Double.toString(d);
        return s.contains("E") ? s : new BigDecimal(s).stripTrailingZeros().toPlainString();
    }

    /**
     * Returns how a JSON Schema type reads in messages: {@code integer} → {@code a whole number}.
     */
    public static String type(String jsonType) {
        return switch (jsonType) {
            case "string" -> "a text";
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "object" -> "a mapping of keys to values";
            case "array" -> "a list";
            case "null" -> "nothing";
            default -> jsonType;
        };
    }

    /**
     * Returns what is wrong when {@code v} is not of the expected type, e.g. {@code 'seven' is not
     * a whole number}, {@code is a list, not a mapping of keys to values}, {@code is empty: give a
     * number}. A number or boolean where text belongs gets the hint to quote it.
     */
    public static String notA(JsonNode v, String expected) {
        if (v == null || v.isNull() || v.isMissingNode()) return "is empty: give " + expected;
        if (v.isObject() || v.isArray()) return "is " + value(v) + ", not " + expected;
        String s = value(v) + " is not " + expected;
        if (expected.equals(type("string")) && v.isNumber()) {
            return s + "; put it in quotes, YAML read it as a number";
        }
        if (expected.equals(type("string")) && v.isBoolean()) {
            return s + "; put it in quotes, YAML read it as true or false";
        }
        return s;
    }

    /** Returns {@code 'x' is not one of a, b, '>='}: choices quoted where they are not words. */
    public static String notOneOf(JsonNode v, List<String> choices) {
        return value(v) + " is not one of " + choices(choices);
    }

    /** Returns choices as a message lists them: words bare, anything else quoted. */
    public static String choices(List<String> choices) {
        return choices.stream()
                .map(c -> c.matches("[A-Za-z0-9_.-]+") ? c : Quote.value(c))
                .collect(Collectors.joining(", "));
    }
}
