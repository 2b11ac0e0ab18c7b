package org.clinval.reports.xlsx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.EndpointResult;
import org.clinval.reports.model.ValidationReport;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.roc.AucEstimate;

/**
 * The "Metrics" sheet: the identification of the run, every endpoint with estimate, interval,
 * method, level, criterion, result and traceability, the confusion matrix and the AUC.
 */
final class MetricsSheet {

    /** The endpoint table's columns, in order. */
    static final List<String> ENDPOINT_COLUMNS =
            List.of(
                    "ID",
                    "Endpoint",
                    "Measure",
                    "Primary",
                    "Estimate",
                    "CI lower",
                    "CI upper",
                    "Method",
                    "Level",
                    "Criterion",
                    "Result",
                    "Requirements",
                    "Risk controls",
                    "Undefined because");

    private final Cells cells;
    private final Sheet sheet;
    private int next;

    private MetricsSheet(XSSFWorkbook wb, Cells cells) {
        this.cells = cells;
        this.sheet = wb.createSheet("Metrics");
    }

    static void write(XSSFWorkbook wb, Cells cells, ValidationReport report) {
        MetricsSheet m = new MetricsSheet(wb, cells);
        m.identification(report);
        m.endpoints(report);
        m.matrix(report.matrix());
        m.auc(report.roc().auc());
        Cells.widths(m.sheet, 26, 34, 13, 9, 10, 10, 10, 22, 8, 26, 8, 28, 16, 60);
        Cells.printable(m.sheet, 0);
    }

    private void identification(ValidationReport r) {
        cells.title(sheet, next++, "Validation metrics: study " + r.study().id());
        next++;
        pair("Study", r.study().id());
        pair("Title", r.study().title());
        pair("Run", r.study().runId());
        pair("Run finished (UTC)", Text.utc(r.study().date()));
        pair("Software", r.study().softwareVersion());
        pair("Protocol SHA-256", r.study().protocolSha256());
        pair("Device", r.device().name() + " " + r.device().version());
        pair("Model SHA-256", r.device().modelSha256());
        pair("Model descriptor SHA-256", r.device().descriptorSha256());
        pair("Test set", r.dataset().name());
        pair("Manifest SHA-256", r.dataset().manifestSha256());
        Cells.integer(pair("Cases in", null), 1, r.dataset().casesIn());
        Cells.integer(pair("Results", null), 1, r.dataset().results());
        Cells.integer(pair("Quarantined", null), 1, r.dataset().quarantined());
        cells.score(pair("Threshold", null), 1, r.operatingPoint().threshold());
        pair("Rule", "score " + r.operatingPoint().rule().symbol() + " threshold");
        pair("Positive class", r.operatingPoint().positiveClass());
        pair("Verdict", Text.result(r.verdict().passed()));
        pair("Verdict statement", r.verdict().statement());
        next++;
    }

    private Row pair(String label, String value) {
        Row row = Cells.row(sheet, next++);
        Cells.text(row, 0, label);
        if (value != null) {
            Cells.text(row, 1, value);
        }
        return row;
    }

    private void endpoints(ValidationReport r) {
        cells.title(sheet, next++, "Endpoints");
        cells.header(sheet, next++, ENDPOINT_COLUMNS);
        List<EndpointResult> ordered = new ArrayList<>(r.endpoints());
        ordered.sort(Comparator.comparing(e -> !e.primary()));
        for (EndpointResult e : ordered) {
            Row row = Cells.row(sheet, next++);
            Cells.text(row, 0, e.id());
            Cells.text(row, 1, e.title());
            Cells.text(row, 2, e.measure());
            Cells.text(row, 3, e.primary() ? "primary" : "secondary");
            cells.estimate(row, 4, e.estimate());
            cells.interval(row, 5, e.ci(), e.isDefined() ? "not computed" : Text.UNDEFINED);
            Cells.text(row, 7, e.method());
            cells.level(row, 8, e.level());
            Cells.text(row, 9, e.criterion());
            Cells.text(row, 10, Text.result(e.passed()));
            Cells.text(row, 11, String.join(", ", e.requirementIds()));
            Cells.text(row, 12, String.join(", ", e.riskControlIds()));
            e.undefinedReason().ifPresent(reason -> cells.wrapped(row, 13, reason));
        }
        next++;
    }

    private void matrix(ConfusionMatrix m) {
        cells.title(sheet, next++, "Confusion matrix at the operating point");
        cells.header(
                sheet,
                next++,
                List.of(
                        "Called \\ reference",
                        "Reference positive",
                        "Reference negative",
                        "Total"));
        counts("Called positive", m.tp(), m.fp());
        counts("Called negative", m.fn(), m.tn());
        counts("Total", m.positives(), m.negatives());
        next++;
    }

    private void counts(String label, long positive, long negative) {
        Row row = Cells.row(sheet, next++);
        Cells.text(row, 0, label);
        Cells.integer(row, 1, positive);
        Cells.integer(row, 2, negative);
        Cells.integer(row, 3, positive + negative);
    }

    private void auc(AucEstimate auc) {
        cells.title(sheet, next++, "Area under the ROC curve");
        cells.decimal(pair("AUC", null), 1, auc.auc());
        Row ci = Cells.row(sheet, next++);
        Cells.text(ci, 0, "AUC CI lower, upper");
        cells.interval(ci, 1, auc.ci(), Text.UNDEFINED);
        if (auc.se().isPresent()) {
            cells.decimal(pair("AUC standard error", null), 1, auc.se().getAsDouble());
        } else {
            pair("AUC standard error", Text.UNDEFINED);
        }
        cells.level(pair("AUC level", null), 1, auc.level().value());
        pair("AUC method", auc.method());
        Cells.integer(pair("Positives", null), 1, auc.positives());
        Cells.integer(pair("Negatives", null), 1, auc.negatives());
        pair("Score direction", auc.direction().name().toLowerCase(java.util.Locale.ROOT));
        auc.undefinedReason().ifPresent(reason -> pair("AUC interval undefined because", reason));
    }
}
