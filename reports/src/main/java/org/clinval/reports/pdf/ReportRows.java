package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.AuditRow;
import org.clinval.reports.model.EndpointResult;
import org.clinval.reports.model.QuarantineRow;
import org.clinval.reports.model.SignatureRow;
import org.clinval.reports.model.SubgroupRow;
import org.clinval.reports.model.ValidationReport;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;

/**
 * The report's detail rows: one map per printed line of a section, every value already formatted.
 * The template picks the layout of a row by its {@code kind} and starts a section with a heading
 * whenever {@code section} changes.
 */
final class ReportRows {

    static final String ENDPOINTS = "Endpoints against acceptance criteria";
    static final String MATRIX = "Confusion matrix at the operating point";
    static final String ROC = "ROC analysis";
    static final String SUBGROUPS = "Subgroup analysis";
    static final String QUARANTINE = "Quarantined inputs";
    static final String SIGNATURES = "Electronic signatures";
    static final String AUDIT = "Audit trail excerpt";

    /** The sections of every report in print order; a task's sections follow the endpoints. */
    static final List<String> SECTIONS =
            List.of(ENDPOINTS, MATRIX, ROC, SUBGROUPS, QUARANTINE, SIGNATURES, AUDIT);

    /** Returns the sections of {@code report} in print order; their numbers follow from it. */
    static List<String> sections(ValidationReport report) {
        List<String> out = new ArrayList<>(SECTIONS);
        List<String> task = new ArrayList<>();
        report.segmentation().ifPresent(s -> task.addAll(SegmentationRows.SECTIONS));
        report.detection().ifPresent(d -> task.addAll(DetectionRows.SECTIONS));
        report.grading().ifPresent(g -> task.addAll(GradingRows.SECTIONS));
        out.addAll(1, task);
        report.explanations()
                .ifPresent(e -> out.addAll(out.indexOf(QUARANTINE), ExplanationRows.SECTIONS));
        report.readerStudy()
                .ifPresent(x -> out.addAll(out.indexOf(QUARANTINE), ReaderStudyRows.SECTIONS));
        return List.copyOf(out);
    }

    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<String> sections;

    private ReportRows(List<String> sections) {
        this.sections = sections;
    }

    /** Returns the rows of {@code report} in print order. */
    static List<Map<String, Object>> of(ValidationReport report) {
        ReportRows r = new ReportRows(sections(report));
        r.endpoints(report);
        report.segmentation().ifPresent(s -> SegmentationRows.add(r, s, report));
        report.detection().ifPresent(d -> DetectionRows.add(r, d, report));
        report.grading().ifPresent(g -> GradingRows.add(r, g));
        r.add(MATRIX, "Counts of the " + report.dataset().results() + " analysed cases.", "matrix");
        r.add(
                ROC,
                "The empirical ROC curve of the analysed cases with the operating point marked.",
                "roc");
        r.subgroups(report);
        report.explanations().ifPresent(e -> ExplanationRows.add(r, e, report));
        report.readerStudy().ifPresent(x -> ReaderStudyRows.add(r, x));
        r.quarantine(report);
        r.signatures(report);
        r.audit(report);
        return r.rows;
    }

    private void endpoints(ValidationReport report) {
        String note =
                "Primary endpoints first. Intervals are two-sided. An endpoint passes when its"
                        + " criterion is met; an undefined estimate cannot pass.";
        if (report.endpoints().isEmpty()) {
            none(ENDPOINTS, note, "The protocol specifies no endpoint.");
            return;
        }
        List<EndpointResult> ordered = new ArrayList<>(report.endpoints());
        ordered.sort(Comparator.comparing(e -> !e.primary()));
        for (EndpointResult e : ordered) {
            Map<String, Object> row = add(ENDPOINTS, note, "endpoint");
            row.put("epId", e.id());
            row.put("epRole", e.primary() ? "primary" : "secondary");
            row.put("epTitle", e.title());
            row.put("epMeasure", e.measure());
            row.put("epEstimate", Text.estimate(e.estimate()));
            row.put(
                    "epCi",
                    e.ci().map(Text::interval).orElse(e.isDefined() ? "not computed" : Text.NONE));
            row.put("epCiMethod", Text.level(e.level()) + " \u00b7 " + e.method());
            row.put("epCriterion", e.criterion());
            row.put("epResult", Text.result(e.passed()));
            row.put("epPassed", e.passed());
            row.put(
                    "epTrace",
                    "Requirements: "
                            + Text.list(e.requirementIds())
                            + "   \u00b7   Risk controls: "
                            + Text.list(e.riskControlIds()));
            e.undefinedReason().ifPresent(r -> row.put("epUndefined", "Undefined: " + r));
        }
    }

    private void subgroups(ValidationReport report) {
        if (report.subgroups().isEmpty()) {
            none(SUBGROUPS, null, "The protocol specifies no subgroup analysis.");
            return;
        }
        String note =
                "Sensitivity and specificity at the operating point with "
                        + intervalNames(report)
                        + " intervals; AUC with DeLong intervals. Flagged subgroups are too small"
                        + " for their intervals to inform a decision.";
        String attribute = null;
        for (SubgroupRow s : report.subgroups()) {
            if (!s.attribute().equals(attribute)) {
                attribute = s.attribute();
                add(SUBGROUPS, note, "sgAttribute").put("sgName", "By " + attribute);
            }
            Map<String, Object> row = add(SUBGROUPS, note, "subgroup");
            row.put("sgName", s.value());
            row.put("sgN", Integer.toString(s.n()));
            row.put("sgClasses", s.sensitivity().trials() + " / " + s.specificity().trials());
            proportion(row, "sgSens", s.sensitivity(), s);
            proportion(row, "sgSpec", s.specificity(), s);
            List<String> notes = new ArrayList<>();
            s.sensitivity().undefinedReason().ifPresent(notes::add);
            s.specificity().undefinedReason().ifPresent(notes::add);
            if (s.auc().isPresent()) {
                AucEstimate a = s.auc().get();
                row.put("sgAuc", Text.number(a.auc()));
                row.put("sgAucCi", Text.interval(a.ci()));
                a.undefinedReason().ifPresent(notes::add);
            } else {
                row.put("sgAuc", Text.UNDEFINED);
                row.put("sgAucCi", Text.NONE);
                notes.add(
                        "AUC is undefined: the subgroup has "
                                + s.sensitivity().trials()
                                + " positive and "
                                + s.specificity().trials()
                                + " negative cases");
            }
            List<String> lines = new ArrayList<>();
            if (!s.warnings().isEmpty()) {
                String prefix = s.attribute() + " = " + s.value() + ": ";
                lines.add(
                        "Flagged: "
                                + s.warnings().stream()
                                        .map(
                                                w ->
                                                        w.startsWith(prefix)
                                                                ? w.substring(prefix.length())
                                                                : w)
                                        .collect(Collectors.joining("; "))
                                + ".");
            }
            if (!notes.isEmpty()) {
                lines.add("Undefined: " + String.join("; ", notes) + ".");
            }
            if (!lines.isEmpty()) {
                row.put("sgNotes", String.join("\n", lines));
            }
        }
    }

    private static String intervalNames(ValidationReport report) {
        return report.subgroups().stream()
                .map(s -> Text.method(s.ciMethod()))
                .distinct()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    private static void proportion(
            Map<String, Object> row, String key, Proportion p, SubgroupRow s) {
        row.put(key, Text.estimate(p.estimate()));
        row.put(key + "Counts", Text.counts(p.successes(), p.trials()));
        row.put(key + "Ci", Text.interval(p.interval(s.ciMethod())));
    }

    private void quarantine(ValidationReport report) {
        String note =
                "Every case in the manifest has a result or is listed here: "
                        + report.dataset().casesIn()
                        + " in = "
                        + report.dataset().results()
                        + " results + "
                        + report.dataset().quarantined()
                        + " quarantined.";
        if (report.quarantine().isEmpty()) {
            none(QUARANTINE, note, "No input was quarantined.");
            return;
        }
        for (QuarantineRow q : report.quarantine()) {
            Map<String, Object> row = add(QUARANTINE, note, "quarantine");
            row.put("qCase", q.caseId());
            row.put("qInput", q.input());
            row.put("qReason", q.reason());
        }
    }

    private void signatures(ValidationReport report) {
        String note =
                "Each signature binds the signer, the meaning of the signature and the SHA-256 of"
                        + " the signed content (21 CFR 11.50, 11.70).";
        if (report.signatures().isEmpty()) {
            none(SIGNATURES, note, "The report has not been signed.");
            return;
        }
        for (SignatureRow s : report.signatures()) {
            Map<String, Object> row = add(SIGNATURES, note, "signature");
            row.put("sName", s.printedName());
            row.put("sUser", "user " + s.userId());
            row.put("sMeaning", s.meaning());
            row.put("sTime", Text.utc(s.time()));
            row.put("sHash", s.signedSha256());
        }
    }

    private void audit(ValidationReport report) {
        List<AuditRow> audit = report.auditExcerpt();
        if (audit.isEmpty()) {
            none(AUDIT, null, "No audit-trail entry was selected for this report.");
            return;
        }
        String note =
                "Entries "
                        + audit.get(0).sequence()
                        + " to "
                        + audit.get(audit.size() - 1).sequence()
                        + " of the audit trail, as recorded.";
        for (AuditRow a : audit) {
            Map<String, Object> row = add(AUDIT, note, "audit");
            row.put("aSeq", Long.toString(a.sequence()));
            row.put("aTime", Text.utc(a.time()));
            row.put("aUser", a.userId());
            row.put("aAction", a.action());
            row.put("aObject", a.object());
            row.put("aReason", a.reason());
        }
    }

    /** Adds the column headings of a table of {@code stat} rows (up to six). */
    void statHead(String section, String note, String... headings) {
        cells(add(section, note, "statHead"), "h", headings);
    }

    /** Adds a row of a six-column table: label, counts, estimate, interval, estimate, interval. */
    Map<String, Object> stat(String section, String note, String... values) {
        return cells(add(section, note, "stat"), "t", values);
    }

    /** Adds a paragraph. */
    void para(String section, String note, String text) {
        add(section, note, "para").put("paraText", text);
    }

    /** Adds a figure: an opaque PNG {@value #FIGURE_WIDTH} points wide, with its caption. */
    void figure(String section, String note, byte[] png, String caption) {
        Map<String, Object> row = add(section, note, "figure");
        row.put("figImage", png);
        row.put("figCaption", caption);
    }

    /**
     * A strip of images side by side (about three times as wide as high), printed with its caption
     * right below it instead of in a chart-sized frame.
     */
    void strip(String section, String note, byte[] png, String caption) {
        Map<String, Object> row = add(section, note, "strip");
        row.put("figImage", png);
        row.put("figCaption", caption);
    }

    /** Width and height of a figure in points. */
    static final int FIGURE_WIDTH = 515;

    static final int FIGURE_HEIGHT = 240;

    private static Map<String, Object> cells(
            Map<String, Object> row, String prefix, String... values) {
        if (values.length > 6) {
            throw new IllegalArgumentException("a table row has at most 6 cells: " + values.length);
        }
        for (int i = 0; i < values.length; i++) row.put(prefix + i, values[i]);
        return row;
    }

    void none(String section, String note, String text) {
        add(section, note, "none").put("noneText", text);
    }

    /** Adds a row of kind {@code kind} to section {@code section} and returns it to fill. */
    Map<String, Object> add(String section, String note, String kind) {
        int number = sections.indexOf(section) + 1;
        if (number == 0) {
            throw new IllegalArgumentException("not a section of this report: " + section);
        }
        Map<String, Object> row = new HashMap<>();
        row.put("section", Integer.toString(number));
        row.put("sectionTitle", section);
        Optional.ofNullable(note).ifPresent(n -> row.put("sectionNote", n));
        row.put("kind", kind);
        rows.add(row);
        return row;
    }
}
