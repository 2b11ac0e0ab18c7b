package org.clinval.workflows.protocol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a first study protocol ({@link ProtocolDraft}) for a QA team to complete: every key {@link
 * ProtocolReader} needs, values that pass its checks, and a comment above each value the team must
 * replace or confirm (marked {@code REVIEW}). Text values are written in double quotes, escaped, so
 * a folder or label name can never change the structure of the file.
 */
public final class ProtocolWriter {

    private ProtocolWriter() {}

    /** Returns the YAML text of {@code d}. */
    public static String write(ProtocolDraft d) {
        Lines y = new Lines(d.notes());
        y.comment("Study protocol, drafted for the QA team to complete.");
        y.comment("Reference: docs/reference/protocol.md. Every line marked REVIEW holds a valid");
        y.comment(
                "placeholder or default, not a decision: replace or confirm it before the QA lead");
        y.comment("approves the protocol. Paths are relative to this file or under allowed_roots.");
        y.blank();
        y.key("id", "", q(d.id()));
        y.comment(
                "REVIEW: the title and the intended use are placeholders; write the study's own.");
        y.key("title", "", q(d.title()));
        y.key("intended_use", "", q(d.intendedUse()));
        y.blank();
        y.open("device");
        y.key("name", "device.", q(d.device().name()));
        y.comment("  REVIEW: the version of the device under test.");
        y.key("version", "device.", q(d.device().version()));
        y.key("model", "device.", q(d.device().model()));
        y.comment(
                "  SHA-256 of that descriptor file: after any edit of it, write its new one here.");
        y.key("sha256", "device.", q(d.device().sha256()));
        y.blank();
        y.open("dataset");
        y.key("dicom", "dataset.", q(d.dicom()));
        y.key("ground_truth", "dataset.", q(d.groundTruth()));
        y.comment("  true: the study de-identifies its own copy of the images (DICOM PS3.15 basic");
        y.comment(
                "  profile) before inference, so names and IDs in the headers of a site's export");
        y.comment("  never reach an output. Set false only for images already de-identified:");
        y.comment("  an image with identifying data in its header is then quarantined.");
        y.key("deidentify", "dataset.", "true");
        y.key("modalities", "dataset.", list(d.modalities()));
        y.blank();
        OperatingPoint op = d.operatingPoint();
        y.open("operating_point");
        y.comment("  REVIEW: the threshold the device uses (the model descriptor's, by default).");
        y.key("threshold", "operating_point.", num(op.threshold()));
        y.key("rule", "operating_point.", q(op.rule().symbol()));
        y.key("positive_class", "operating_point.", q(op.positiveClass()));
        y.key("direction", "operating_point.", op.direction().name().toLowerCase(Locale.ROOT));
        y.blank();
        y.comment(
                "REVIEW: the goals are placeholders, not derived from any data: set them from the");
        y.comment(
                "risk analysis and the state of the art, and the requirement ids (REQ-TODO-…) and");
        y.comment("risk controls from the risk management file. features/ holds one scenario per");
        y.comment("endpoint: keep its numbers equal to these.");
        y.open("endpoints");
        for (Endpoint e : d.endpoints()) endpoint(y, e);
        y.blank();
        Subgroups s = d.subgroups();
        y.open("subgroups");
        y.key("attributes", "subgroups.", list(s.attributes()));
        y.key("min_n_per_class", "subgroups.", Integer.toString(s.minPerClass()));
        s.maxCiWidth().ifPresent(w -> y.key("max_ci_width", "subgroups.", num(w)));
        y.blank();
        StatisticalMethods st = d.statistics();
        y.open("statistics");
        y.key("ci_method", "statistics.", st.ciMethod().key());
        y.key("level", "statistics.", num(st.level().value()));
        y.open("  bootstrap");
        y.key("  replicates", "statistics.bootstrap.", Integer.toString(st.bootstrapReplicates()));
        y.comment("    Fixed, so that the same inputs give the same intervals.");
        y.key("  seed", "statistics.bootstrap.", Long.toString(st.bootstrapSeed()));
        y.blank();
        y.key("features", "", q(d.features()));
        y.blank();
        y.key("allowed_roots", "", list(d.allowedRoots()));
        return y.text();
    }

    private static void endpoint(Lines y, Endpoint e) {
        Criterion c = e.criterion();
        y.raw("  - id: " + q(e.id()));
        y.raw("    role: " + e.role().name().toLowerCase(Locale.ROOT));
        y.raw("    name: " + q(e.name()));
        y.raw("    criterion:");
        y.raw("      measure: " + c.measure().key());
        c.estimateMin().ifPresent(v -> y.raw("      estimate_min: " + num(v)));
        c.ciLowerMin().ifPresent(v -> y.raw("      ci_lower_min: " + num(v)));
        c.estimateMax().ifPresent(v -> y.raw("      estimate_max: " + num(v)));
        c.ciUpperMax().ifPresent(v -> y.raw("      ci_upper_max: " + num(v)));
        c.fpPerScan().ifPresent(v -> y.raw("      fp_per_scan: " + num(v)));
        y.raw("      ci_method: " + c.ciMethod().key());
        y.raw("      level: " + num(c.level().value()));
        y.raw("    verifies:");
        y.raw("      requirements: " + list(e.requirements()));
        y.raw("      risk_controls: " + list(e.riskControls()));
    }

    /** A YAML flow list of quoted text. */
    static String list(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) out.add(q(v));
        return "[" + String.join(", ", out) + "]";
    }

    /** A number as YAML reads it back exactly: {@code 0.8}, {@code 400}, {@code -1000}. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a protocol number is not finite: " + v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * A YAML double-quoted scalar: backslash and quote escaped, every control or line-breaking
     * character as {@code \\uXXXX}, so the value stays one scalar on one line.
     */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20
                    || c == 0x7f
                    || (c >= 0x80 && c <= 0x9f)
                    || c == 0x2028
                    || c == 0x2029
                    || c == 0xfeff) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** The text being written, with the notes for keys. */
    private static final class Lines {
        private final StringBuilder b = new StringBuilder();
        private final Map<String, String> notes;

        Lines(Map<String, String> notes) {
            this.notes = notes;
        }

        void comment(String text) {
            int indent = 0;
            while (indent < text.length() && text.charAt(indent) == ' ') indent++;
            b.append(" ".repeat(indent)).append("# ").append(oneLine(text.substring(indent)));
            b.append('\n');
        }

        void blank() {
            b.append('\n');
        }

        void raw(String line) {
            b.append(line).append('\n');
        }

        void open(String key) {
            b.append(key).append(":\n");
        }

        /** {@code key} may start with spaces (nesting below the mapping of {@code parent}). */
        void key(String key, String parent, String value) {
            String bare = key.strip();
            String indent = key.startsWith(" ") ? "    " : parent.isEmpty() ? "" : "  ";
            String note = notes.get(parent + bare);
            if (note != null) comment(indent + note);
            b.append(indent).append(bare).append(": ").append(value).append('\n');
        }

        String text() {
            return b.toString();
        }

        /** A comment stays one line whatever a note holds. */
        private static String oneLine(String s) {
            return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
        }
    }
}
