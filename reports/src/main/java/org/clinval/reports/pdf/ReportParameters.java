package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.EndpointResult;
import org.clinval.reports.model.OperatingPoint;
import org.clinval.reports.model.RocSummary;
import org.clinval.reports.model.ValidationReport;
import org.clinval.validation.Direction;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.RocPoint;

/** The report's parameters: the cover page, the confusion matrix and the ROC panel, formatted. */
final class ReportParameters {

    /** Width and height of the ROC chart in points, and its pixels per point. */
    static final int CHART_WIDTH = 300;

    static final int CHART_HEIGHT = 290;
    static final int CHART_SCALE = 4;

    private ReportParameters() {}

    /** Returns the parameters of {@code report}. */
    static Map<String, Object> of(ValidationReport report) {
        Map<String, Object> p = new HashMap<>();
        cover(report, p);
        matrix(report, p);
        roc(report, p);
        return p;
    }

    private static void cover(ValidationReport r, Map<String, Object> p) {
        p.put("STUDY_ID", r.study().id());
        p.put("STUDY_TITLE", r.study().title());
        p.put("INTENDED_USE", r.study().intendedUse());
        p.put("RUN_ID", r.study().runId());
        p.put("RUN_DATE", Text.time(r.study().date()));
        p.put("SOFTWARE_VERSION", r.study().softwareVersion());
        p.put("PROTOCOL_SHA256", r.study().protocolSha256());
        p.put("DEVICE", r.device().name() + " " + r.device().version());
        p.put("MODEL_SHA256", r.device().modelSha256());
        p.put("DESCRIPTOR_SHA256", r.device().descriptorSha256());
        p.put("DATASET", r.dataset().name());
        p.put("MANIFEST_SHA256", r.dataset().manifestSha256());
        p.put(
                "CASES",
                r.dataset().casesIn()
                        + " in the manifest: "
                        + r.dataset().results()
                        + " with a result, "
                        + r.dataset().quarantined()
                        + " quarantined");
        p.put("OPERATING_POINT", operatingPoint(r.operatingPoint()));
        p.put("VERDICT_PASSED", r.verdict().passed());
        p.put("VERDICT", Text.result(r.verdict().passed()));
        p.put("VERDICT_STATEMENT", r.verdict().statement());
        p.put("ENDPOINT_SUMMARY", endpointSummary(r.endpoints()));
        p.put(
                "SIGNATURE_SUMMARY",
                r.signatures().isEmpty()
                        ? "not signed"
                        : r.signatures().stream()
                                .map(s -> s.printedName() + ", " + Text.time(s.time()))
                                .collect(Collectors.joining("\n")));
        List<String> contents = new ArrayList<>();
        List<String> sections = ReportRows.sections(r);
        for (int i = 0; i < sections.size(); i++) {
            contents.add((i + 1) + "   " + sections.get(i));
        }
        p.put("CONTENTS", String.join("\n", contents));
    }

    static String operatingPoint(OperatingPoint op) {
        return op.positiveClass()
                + " when score "
                + Text.rule(op.rule())
                + " "
                + Text.threshold(op.threshold());
    }

    private static String endpointSummary(List<EndpointResult> endpoints) {
        long primary = endpoints.stream().filter(EndpointResult::primary).count();
        long primaryMet = endpoints.stream().filter(e -> e.primary() && e.passed()).count();
        long met = endpoints.stream().filter(EndpointResult::passed).count();
        List<String> notMet =
                endpoints.stream()
                        .filter(e -> !e.passed())
                        .map(e -> e.id() + (e.isDefined() ? "" : " (undefined)"))
                        .toList();
        return "Primary: "
                + primaryMet
                + " of "
                + primary
                + " met.\nAll: "
                + met
                + " of "
                + endpoints.size()
                + " met"
                + (notMet.isEmpty() ? "." : "; not met: " + String.join(", ", notMet) + ".");
    }

    private static void matrix(ValidationReport r, Map<String, Object> p) {
        ConfusionMatrix m = r.matrix();
        p.put("TP", m.tp() + " (TP)");
        p.put("FP", m.fp() + " (FP)");
        p.put("FN", m.fn() + " (FN)");
        p.put("TN", m.tn() + " (TN)");
        p.put("CALLED_POSITIVE", Long.toString(m.tp() + m.fp()));
        p.put("CALLED_NEGATIVE", Long.toString(m.fn() + m.tn()));
        p.put("REFERENCE_POSITIVE", Long.toString(m.positives()));
        p.put("REFERENCE_NEGATIVE", Long.toString(m.negatives()));
        p.put("TOTAL", Long.toString(m.total()));
        p.put(
                "MATRIX_NOTE",
                "Operating point: "
                        + operatingPoint(r.operatingPoint())
                        + ".\nSensitivity  TP / (TP + FN) = "
                        + ratio(m.tp(), m.positives())
                        + "\nSpecificity  TN / (TN + FP) = "
                        + ratio(m.tn(), m.negatives())
                        + "\nPrevalence in the analysed cases  (TP + FN) / N = "
                        + ratio(m.positives(), m.total()));
    }

    private static String ratio(long numerator, long denominator) {
        return numerator
                + " / "
                + denominator
                + " = "
                + (denominator == 0
                        ? Text.UNDEFINED + " (the denominator is 0)"
                        : Text.number((double) numerator / denominator));
    }

    private static void roc(ValidationReport r, Map<String, Object> p) {
        RocSummary roc = r.roc();
        AucEstimate auc = roc.auc();
        RocPoint op = roc.operatingPoint();
        p.put(
                "ROC_IMAGE",
                RocChart.png(roc, r.operatingPoint(), CHART_WIDTH, CHART_HEIGHT, CHART_SCALE));
        p.put("ROC_AUC", Text.number(auc.auc()));
        p.put("ROC_CI_LABEL", Text.level(auc.level().value()) + " confidence interval (DeLong)");
        p.put(
                "ROC_CI",
                auc.ci()
                        .map(Text::interval)
                        .orElse(
                                Text.UNDEFINED
                                        + ": "
                                        + auc.undefinedReason().orElse("no interval")));
        p.put(
                "ROC_SE",
                auc.se().isPresent() ? Text.number(auc.se().getAsDouble()) : Text.UNDEFINED);
        p.put("ROC_CASES", auc.positives() + " positive, " + auc.negatives() + " negative");
        p.put(
                "ROC_DIRECTION",
                (auc.direction() == Direction.HIGHER ? "higher" : "lower")
                        + " scores indicate "
                        + r.operatingPoint().positiveClass());
        p.put(
                "ROC_OPERATING_POINT",
                "score "
                        + Text.rule(r.operatingPoint().rule())
                        + " "
                        + Text.threshold(r.operatingPoint().threshold()));
        p.put(
                "ROC_OP_SENSITIVITY",
                "sensitivity "
                        + Text.number(op.sensitivity())
                        + " ("
                        + Text.counts(op.truePositives(), auc.positives())
                        + ")");
        p.put(
                "ROC_OP_SPECIFICITY",
                "specificity "
                        + Text.number(op.specificity())
                        + " ("
                        + Text.counts(auc.negatives() - op.falsePositives(), auc.negatives())
                        + ")");
        p.put("ROC_POINTS", roc.curve().size() + " points, from (0, 0) to (1, 1)");
        p.put("ROC_METHOD", "Variance: " + auc.method());
    }
}
