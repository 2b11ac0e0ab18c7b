package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The computation records a document's numbers come from. Each number is printed with a reference
 * (R1, R2, …) to the record that holds it: the run, the file, the key (a JSON pointer into {@code
 * metrics.json}, or a count over {@code case-results.csv}), the method, level and seed as the
 * record states them; the document's appendix lists them with the files' SHA-256 and the data and
 * model hashes. A value is formatted here, from the record, never typed into a sentence.
 */
public final class Traces {

    /** One computation record a document cites. */
    public record Trace(
            String id, String file, String key, String method, String level, String seed) {}

    private final JsonNode record;
    private final String file;
    private final Map<String, Trace> byKey = new LinkedHashMap<>();

    /** The references of a study run's documents: numbers of its {@code metrics.json}. */
    public Traces(RunEvidence run) {
        this(run.metrics(), "metrics.json");
    }

    /** The references of numbers read from the JSON record {@code file}. */
    public Traces(JsonNode record, String file) {
        this.record = record;
        this.file = file;
    }

    /** The records cited, in order of first citation. */
    public List<Trace> all() {
        return new ArrayList<>(byKey.values());
    }

    /** The reference of the record's value at {@code pointer} (cited once). */
    public Trace metric(String pointer, String method, String level, String seed) {
        return cite(file, pointer, method, level, seed);
    }

    /** The reference of a count over the per-case results. */
    public Trace count(String what) {
        return cite("case-results.csv", what, "count", "", "");
    }

    private Trace cite(String file, String key, String method, String level, String seed) {
        return byKey.computeIfAbsent(
                file + "#" + key,
                k -> new Trace("R" + (byKey.size() + 1), file, key, method, level, seed));
    }

    /**
     * The value at {@code pointer} of {@code metrics.json} with {@code digits} decimals and its
     * reference, e.g. {@code 0.986 [R3]}; "undefined" (never NaN) where the record has no number.
     */
    public String number(String pointer, int digits, String method, String level, String seed) {
        JsonNode n = record.at(pointer);
        Trace t = metric(pointer, method, level, seed);
        return format(n, digits) + " [" + t.id() + "]";
    }

    /** An interval {@code (lo–hi) [R]} from a two-element array in the record. */
    public String interval(String pointer, int digits, String method, String level, String seed) {
        JsonNode n = record.at(pointer);
        Trace t = metric(pointer, method, level, seed);
        if (!n.isArray() || n.size() != 2) return "undefined [" + t.id() + "]";
        return "("
                + format(n.get(0), digits)
                + "–"
                + format(n.get(1), digits)
                + ") ["
                + t.id()
                + "]";
    }

    /** A count over the per-case results with its reference. */
    public String counted(long value, String what) {
        return value + " [" + count(what).id() + "]";
    }

    /** A value of one case's row in the per-case results, with its reference. */
    public String caseValue(String caseId, String column, String value, int digits) {
        Trace t = cite("case-results.csv", caseId + "/" + column, "as scored", "", "");
        String shown;
        try {
            shown = String.format(Locale.ROOT, "%." + digits + "f", Double.parseDouble(value));
        } catch (NumberFormatException e) {
            shown = "undefined";
        }
        return shown + " [" + t.id() + "]";
    }

    static String format(JsonNode n, int digits) {
        if (n == null || !n.isNumber()) return "undefined";
        if (n.isIntegralNumber()) return n.asText();
        double v = n.asDouble();
        if (!Double.isFinite(v)) return "undefined";
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
