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

    /** The sections in print order: number and title. */
    static final List<String> SECTIONS =
            List.of(
                    "Endpoints against acceptance criteria",
                    "Confusion matrix at the operating point",
                    "ROC analysis",
                    "Subgroup analysis",
                    "Quarantined inputs",
                    "Electronic signatures",
                    "Audit trail excerpt");

    private final List<Map<String, Object>> rows = new ArrayList<>();

    private ReportRows() {}

    /** Returns the rows of {@code report} in print order. */
    static List<Map<String, Object>> of(ValidationReport report) {
        ReportRows r = new ReportRows();
        r.endpoints(report);
        r.add(2, "Counts of the " + report.dataset().results() + " analysed cases.", "matrix");
        r.add(
                3,
                "The empirical ROC curve of the analysed cases with the operating point marked.",
                "roc");
        r.subgroups(report);
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
            none(1, note, "The protocol specifies no endpoint.");
            return;
        }
        List<EndpointResult> ordered = new ArrayList<>(report.endpoints());
        ordered.sort(Comparator.comparing(e -> !e.primary()));
        for (EndpointResult e : ordered) {
            Map<String, Object> row = add(1, note, "endpoint");
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
            none(4, null, "The protocol specifies no subgroup analysis.");
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
                add(4, note, "sgAttribute").put("sgName", "By " + attribute);
            }
            Map<String, Object> row = add(4, note, "subgroup");
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
            none(5, note, "No input was quarantined.");
            return;
        }
        for (QuarantineRow q : report.quarantine()) {
            Map<String, Object> row = add(5, note, "quarantine");
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
            none(6, note, "The report has not been signed.");
            return;
        }
        for (SignatureRow s : report.signatures()) {
            Map<String, Object> row = add(6, note, "signature");
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
            none(7, null, "No audit-trail entry was selected for this report.");
            return;
        }
        String note =
                "Entries "
                        + audit.get(0).sequence()
                        + " to "
                        + audit.get(audit.size() - 1).sequence()
                        + " of the audit trail, as recorded.";
        for (AuditRow a : audit) {
            Map<String, Object> row = add(7, note, "audit");
            row.put("aSeq", Long.toString(a.sequence()));
            row.put("aTime", Text.utc(a.time()));
            row.put("aUser", a.userId());
            row.put("aAction", a.action());
            row.put("aObject", a.object());
            row.put("aReason", a.reason());
        }
    }

    private void none(int section, String note, String text) {
        add(section, note, "none").put("noneText", text);
    }

    private Map<String, Object> add(int section, String note, String kind) {
        Map<String, Object> row = new HashMap<>();
        row.put("section", Integer.toString(section));
        row.put("sectionTitle", SECTIONS.get(section - 1));
        Optional.ofNullable(note).ifPresent(n -> row.put("sectionNote", n));
        row.put("kind", kind);
        rows.add(row);
        return row;
    }
}
