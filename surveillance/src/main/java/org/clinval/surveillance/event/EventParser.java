package org.clinval.surveillance.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one JSON line into an {@link Event}, or says exactly what is wrong with it (which field,
 * what value, what was expected). The published schema is {@code
 * docs/schemas/pms-event.schema.json}; this parser accepts exactly the lines the schema accepts
 * (fields beyond the schema's are allowed and ignored, so that a device may add fields without its
 * events being refused).
 */
public final class EventParser {

    /** The class-path name of the events' JSON Schema, also published in docs/schemas. */
    public static final String SCHEMA = "/org/clinval/surveillance/pms-event.schema.json";

    /** Pseudonymous case ids: letters, digits, dot, underscore and hyphen, at most 64. */
    public static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Where a ground truth came from. */
    public static final List<String> SOURCES =
            List.of("pathology", "follow_up_imaging", "adjudicated_read");

    /** Longest line read; longer lines are refused before parsing. */
    public static final int MAX_LINE = 64 * 1024;

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build();

    private EventParser() {}

    /** The outcome of parsing one line: an event, or the reason it was refused. */
    public record Result(Event event, String reason, String caseId) {
        public boolean ok() {
            return event != null;
        }

        static Result refused(String caseId, String reason) {
            return new Result(null, reason, caseId);
        }
    }

    /** Parses {@code line}. Never throws for bad input. */
    public static Result parse(String line) {
        if (line == null || line.isBlank()) return Result.refused(null, "empty line");
        if (line.length() > MAX_LINE) {
            return Result.refused(null, "line longer than " + MAX_LINE + " characters");
        }
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            int cut = m.indexOf('\n');
            return Result.refused(null, "not JSON: " + (cut < 0 ? m : m.substring(0, cut)));
        }
        if (n == null || !n.isObject()) return Result.refused(null, "not a JSON object");
        String caseId = null;
        JsonNode id = n.get("case_id");
        if (id != null && id.isTextual() && CASE_ID.matcher(id.asText()).matches()) {
            caseId = id.asText();
        }
        try {
            return new Result(event(n), null, caseId);
        } catch (Refused r) {
            return Result.refused(caseId, r.getMessage());
        }
    }

    private static Event event(JsonNode n) {
        Event e = new Event();
        String type = text(n, "type", true);
        e.type =
                switch (type) {
                    case "prediction" -> Event.Type.PREDICTION;
                    case "ground-truth" -> Event.Type.GROUND_TRUTH;
                    case "reader-decision" -> Event.Type.READER_DECISION;
                    default ->
                            throw new Refused(
                                    "unknown event type \""
                                            + type
                                            + "\" (expected prediction, ground-truth or"
                                            + " reader-decision)");
                };
        String id = text(n, "case_id", true);
        if (!CASE_ID.matcher(id).matches()) {
            throw new Refused(
                    "case_id \""
                            + shorten(id)
                            + "\" is not a pseudonym (1–64 of A–Z a–z 0–9 . _ -)");
        }
        e.caseId = id;
        e.eventTime = time(n);
        switch (e.type) {
            case PREDICTION -> prediction(n, e);
            case GROUND_TRUTH -> truth(n, e);
            case READER_DECISION -> e.agreed = bool(n, "agreed");
        }
        return e;
    }

    private static void prediction(JsonNode n, Event e) {
        e.site = text(n, "site", true);
        e.deviceVersion = text(n, "device_version", true);
        e.modelVersion = text(n, "model_version", true);
        JsonNode score = n.get("score");
        JsonNode grade = n.get("grade");
        boolean hasScore = score != null && !score.isNull();
        boolean hasGrade = grade != null && !grade.isNull();
        if (hasScore == hasGrade) {
            throw new Refused("a prediction needs exactly one of score (a classifier) or grade");
        }
        if (hasScore) {
            if (!score.isNumber()) throw new Refused("score is not a number: " + score);
            double s = score.asDouble();
            if (!(s >= 0 && s <= 1)) throw new Refused("score " + s + " is outside [0, 1]");
            e.score = s;
            e.decision = binary(n, "decision");
        } else {
            e.grade = nonNegativeInt(n, "grade");
            e.decision = nonNegativeInt(n, "decision");
        }
        JsonNode a = n.get("acquisition");
        if (a == null || a.isNull()) return;
        if (!a.isObject()) throw new Refused("acquisition is not an object");
        e.modality = text(a, "modality", false);
        e.manufacturer = text(a, "manufacturer", false);
        e.manufacturerModelName = text(a, "manufacturer_model_name", false);
        e.convolutionKernel = text(a, "convolution_kernel", false);
        e.kvp = positive(a, "kvp");
        e.sliceThicknessMm = positive(a, "slice_thickness_mm");
        e.pixelSpacingMm = positive(a, "pixel_spacing_mm");
        e.magneticFieldStrengthT = positive(a, "magnetic_field_strength_t");
    }

    private static void truth(JsonNode n, Event e) {
        e.label = nonNegativeInt(n, "label");
        String source = text(n, "source", true);
        if (!SOURCES.contains(source)) {
            throw new Refused(
                    "source \""
                            + shorten(source)
                            + "\" is not one of "
                            + String.join(", ", SOURCES));
        }
        e.source = source;
    }

    private static long time(JsonNode n) {
        String t = text(n, "event_time", true);
        long fast = utc(t);
        if (fast != Long.MIN_VALUE) return fast;
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException ex) {
            throw new Refused(
                    "event_time \""
                            + shorten(t)
                            + "\" is not an ISO-8601 time with its offset, e.g."
                            + " 2026-03-04T10:15:00Z");
        }
    }

    /**
     * Reads the common form {@code yyyy-MM-ddTHH:mm:ss[.fff]Z} without the general parser (a third
     * of the time of a line); anything else returns {@code Long.MIN_VALUE} and goes to it.
     */
    static long utc(String t) {
        int len = t.length();
        if (len < 20
                || t.charAt(len - 1) != 'Z'
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int millis = 0;
        if (len > 20) {
            if (t.charAt(19) != '.' || len < 22 || len > 30) return Long.MIN_VALUE;
            int frac = digits(t, 20, len - 1);
            if (frac < 0) return Long.MIN_VALUE;
            int places = len - 21;
            for (int i = places; i < 3; i++) frac *= 10;
            for (int i = 3; i < places; i++) frac /= 10;
            millis = frac;
        }
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return Long.MIN_VALUE;
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) return Long.MIN_VALUE;
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String text(JsonNode n, String key, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) throw new Refused("missing " + key);
            return null;
        }
        if (!v.isTextual()) throw new Refused(key + " is not a string: " + shorten(v.toString()));
        String s = v.asText();
        if (required && s.isBlank()) throw new Refused(key + " is empty");
        if (s.length() > 256) throw new Refused(key + " is longer than 256 characters");
        return s;
    }

    private static boolean bool(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw new Refused("missing " + key);
        if (!v.isBoolean())
            throw new Refused(key + " is not true or false: " + shorten(v.toString()));
        return v.asBoolean();
    }

    private static int binary(JsonNode n, String key) {
        int v = nonNegativeInt(n, key);
        if (v > 1) throw new Refused(key + " " + v + " is not 0 or 1");
        return v;
    }

    private static int nonNegativeInt(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw new Refused("missing " + key);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            throw new Refused(key + " is not a non-negative integer: " + shorten(v.toString()));
        }
        return v.asInt();
    }

    private static double positive(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return Double.NaN;
        if (!v.isNumber()) throw new Refused(key + " is not a number: " + shorten(v.toString()));
        double d = v.asDouble();
        if (!(d > 0) || Double.isInfinite(d)) throw new Refused(key + " " + d + " is not positive");
        return d;
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
