package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.ReaderStudySection;

/**
 * The report's reader-study (MRMC) section: the design and the reads accounted for, each modality's
 * reader-averaged AUC and the difference aided − unaided with their intervals and tests, with a
 * threshold the readers' sensitivity and specificity likewise, the endpoints judged on the
 * differences, each reader's AUCs and the variance components.
 */
final class ReaderStudyRows {

    static final String MRMC = "Reader study (MRMC)";

    /** The reader-study sections in print order. */
    static final List<String> SECTIONS = List.of(MRMC);

    private ReaderStudyRows() {}

    static void add(ReportRows r, ReaderStudySection s) {
        String level = Text.level(s.level());
        String note =
                "Readers read the cases without the device (reference) and with it (test); "
                        + s.method()
                        + ".";
        r.para(MRMC, note, design(s));
        if (s.undefinedReason().isPresent()) {
            r.para(MRMC, note, "The analysis is undefined: " + s.undefinedReason().get() + ".");
        }
        r.statHead(MRMC, note, "", "Reads", "AUC", level + " CI", "p-value", "df");
        int perModality = s.readsAnalysed() / 2;
        for (ReaderStudySection.Value v : List.of(s.unaided(), s.aided())) {
            value(r, note, v, Integer.toString(perModality));
        }
        value(r, note, s.difference(), "");
        r.para(
                MRMC,
                note,
                "AUCs are reader-averaged empirical AUCs, tested against 0.5; the difference is"
                        + " tested against 0. Intervals are two-sided and not clipped.");
        for (ReaderStudySection.Proportion p : s.proportions()) {
            proportion(r, note, level, p);
        }
        for (ReaderStudySection.Judged j : s.endpoints()) {
            r.para(
                    MRMC,
                    note,
                    j.id()
                            + " "
                            + Text.result(j.passed())
                            + ": "
                            + j.criterion()
                            + ". "
                            + capital(String.join("; ", j.reasons()))
                            + ".");
        }
        if (!s.perReader().isEmpty()) {
            r.statHead(
                    MRMC,
                    note,
                    "Reader",
                    "AUC " + s.unaided().name().replace(" (reference)", ""),
                    "AUC " + s.aided().name().replace(" (test)", ""),
                    "Difference");
            for (ReaderStudySection.ReaderRow x : s.perReader()) {
                r.stat(
                        MRMC,
                        note,
                        x.reader(),
                        Text.estimate(x.unaided()),
                        Text.estimate(x.aided()),
                        x.unaided().isPresent() && x.aided().isPresent()
                                ? Text.number(x.aided().getAsDouble() - x.unaided().getAsDouble())
                                : Text.UNDEFINED);
            }
        }
        if (!s.components().isEmpty()) {
            List<String> c = new ArrayList<>();
            for (Map.Entry<String, Double> e : s.components().entrySet()) {
                c.add(
                        e.getKey()
                                + " = "
                                + (Double.isFinite(e.getValue())
                                        // A minus sign, not a hyphen, so no line breaks
                                        // inside a negative component.
                                        ? String.format(Locale.ROOT, "%.3g", e.getValue())
                                                .replace('-', '\u2212')
                                        : Text.UNDEFINED));
            }
            r.para(MRMC, note, "Variance components: " + String.join(", ", c) + ".");
        }
    }

    private static String design(ReaderStudySection s) {
        StringBuilder b = new StringBuilder();
        b.append("Design: ")
                .append(s.design().orElse(Text.UNDEFINED))
                .append("; ")
                .append(s.readers().size())
                .append(" readers; ")
                .append(s.positives())
                .append(" positive and ")
                .append(s.negatives())
                .append(" negative cases. Reads: ")
                .append(s.readsIn())
                .append(" in, ")
                .append(s.readsAnalysed())
                .append(" analysed, ")
                .append(s.readsIn() - s.readsAnalysed())
                .append(" excluded");
        if (!s.excluded().isEmpty()) {
            List<String> why = new ArrayList<>();
            for (ReaderStudySection.Excluded x : s.excluded()) {
                why.add(
                        x.reads()
                                + (x.reads() == 1 ? " read of " : " reads of ")
                                + x.cases()
                                + (x.cases() == 1 ? " case: " : " cases: ")
                                + x.reason());
            }
            b.append(" (").append(String.join("; ", why)).append(')');
        }
        return b.append('.').toString();
    }

    private static void value(ReportRows r, String note, ReaderStudySection.Value v, String reads) {
        Map<String, Object> row =
                r.stat(
                        MRMC,
                        note,
                        v.name(),
                        reads,
                        Text.estimate(v.estimate()),
                        Text.interval(v.ci()),
                        Text.p(v.p()),
                        v.df().isPresent()
                                ? String.format(Locale.ROOT, "%.1f", v.df().getAsDouble())
                                : v.undefinedReason().isPresent() ? Text.NONE : "normal");
        if (v.undefinedReason().isPresent() && v.estimate().isPresent()) {
            r.para(
                    MRMC,
                    note,
                    v.name() + ": interval undefined (" + v.undefinedReason().get() + ").");
        }
    }

    /** A proportion's table: each modality, then the difference with its z test. */
    private static void proportion(
            ReportRows r, String note, String level, ReaderStudySection.Proportion p) {
        r.statHead(MRMC, note, "", "Cases", p.measure(), level + " CI", "p-value", "z");
        for (ReaderStudySection.Share v : List.of(p.unaided(), p.aided(), p.difference())) {
            boolean test = v == p.difference();
            r.stat(
                    MRMC,
                    note,
                    v.name(),
                    test ? "" : Integer.toString(p.cases()),
                    Text.estimate(v.estimate()),
                    Text.interval(v.ci()),
                    test ? Text.p(v.p()) : Text.NONE,
                    test
                            ? v.z().isPresent()
                                    ? String.format(Locale.ROOT, "%.2f", v.z().getAsDouble())
                                    : Text.UNDEFINED
                            : Text.NONE);
        }
        StringBuilder b = new StringBuilder();
        b.append(p.measure())
                .append(" of the readers, a read being a positive call when ")
                .append(p.call())
                .append(": reader-averaged over the reads of the ")
                .append(p.cases())
                .append(p.measure().equals("Sensitivity") ? " positive" : " negative")
                .append(" cases; ")
                .append(p.method())
                .append("; the difference is tested against 0 (z).");
        r.para(MRMC, note, b.toString());
        if (p.undefinedReason().isPresent()) {
            r.para(MRMC, note, p.measure() + " is undefined: " + p.undefinedReason().get() + ".");
            return;
        }
        for (ReaderStudySection.Share v : List.of(p.unaided(), p.aided(), p.difference())) {
            if (v.undefinedReason().isPresent()) {
                r.para(
                        MRMC,
                        note,
                        p.measure()
                                + " "
                                + v.name()
                                + ": interval undefined ("
                                + v.undefinedReason().get()
                                + ").");
            }
        }
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
