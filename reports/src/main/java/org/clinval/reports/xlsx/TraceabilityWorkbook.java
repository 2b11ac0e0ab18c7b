package org.clinval.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.ReportException;
import org.clinval.reports.internal.RiskText;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.RiskReport;
import org.clinval.risk.check.Gap;
import org.clinval.risk.results.Measurement;
import org.clinval.risk.results.ScenarioResult;
import org.clinval.risk.trace.TraceRow;

/**
 * Writes the traceability workbook of a risk check: sheet "Traceability" (the matrix, one row per
 * row of the {@link org.clinval.risk.trace.TraceabilityMatrix}, header frozen, with an autofilter),
 * "Gaps", "Risks" (initial, claimed and verified residual risk of every hazard, filled by region),
 * "Controls" (kind, requirements, verification and effectiveness) and "Matrix" (the plan's
 * acceptability matrix). Estimates and bounds are number cells; an undefined estimate is the text
 * {@code undefined}.
 */
public final class TraceabilityWorkbook {

    /** The "Traceability" sheet's columns, in order. */
    static final List<String> TRACE_COLUMNS =
            List.of(
                    "Row",
                    "Requirement",
                    "Hazard",
                    "Control",
                    "Verifies",
                    "Reference",
                    "Feature",
                    "Line",
                    "Scenario",
                    "Scenario status",
                    "Result",
                    "Evidence status",
                    "Run",
                    "Measurement",
                    "Estimate",
                    "CI lower",
                    "CI upper",
                    "Level",
                    "Method",
                    "Verdict",
                    "Signature",
                    "Other measurements");

    /** The "Gaps" sheet's columns, in order. */
    static final List<String> GAP_COLUMNS = List.of("Kind", "Subject", "What is missing");

    private TraceabilityWorkbook() {}

    /**
     * Writes the workbook of {@code report} to {@code xlsx}, replacing it. The file appears
     * complete or not at all.
     *
     * @throws ReportException if the file cannot be written
     */
    public static void write(RiskReport report, Path xlsx) throws ReportException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Cells cells = new Cells(wb);
            trace(wb, cells, report.matrix().rows());
            gaps(wb, cells, report.check().gaps());
            RiskSheets.risks(wb, cells, report.check());
            RiskSheets.controls(wb, cells, report);
            RiskSheets.matrix(wb, cells, report.file().plan());
            Workbooks.properties(
                    wb,
                    "Traceability workbook "
                            + report.file().register().id()
                            + report.check().runId().map(id -> ", run " + id).orElse(""),
                    report.software(),
                    report.generated());
            Workbooks.save(wb, xlsx, "the traceability workbook");
        } catch (IOException e) {
            throw new ReportException(
                    "the traceability workbook could not be closed: " + xlsx.toAbsolutePath(), e);
        }
    }

    private static void trace(XSSFWorkbook wb, Cells cells, List<TraceRow> rows) {
        XSSFSheet sheet = wb.createSheet("Traceability");
        cells.header(sheet, 0, TRACE_COLUMNS);
        for (int i = 0; i < rows.size(); i++) {
            TraceRow t = rows.get(i);
            Row row = sheet.createRow(i + 1);
            Cells.integer(row, 0, i + 1);
            Cells.text(row, 1, t.requirement().orElse(""));
            Cells.text(row, 2, t.hazard().orElse(""));
            Cells.text(row, 3, t.control().orElse(""));
            Cells.text(row, 4, t.purpose().map(p -> p.key()).orElse(""));
            Cells.text(
                    row,
                    5,
                    t.reference()
                            .map(r -> r.describe())
                            .or(() -> t.record().map(RiskText::record))
                            .orElse(""));
            if (t.scenario().isPresent()) {
                ScenarioResult s = t.scenario().get();
                Cells.text(row, 6, s.featurePath());
                if (s.line() > 0) Cells.integer(row, 7, s.line());
                Cells.text(row, 8, s.name());
                Cells.text(row, 9, s.status().key());
            }
            String result = RiskText.result(t);
            RiskText.tone(t)
                    .ifPresentOrElse(
                            tone -> cells.toned(row, 10, result, tone),
                            () -> Cells.text(row, 10, result));
            Cells.text(
                    row,
                    11,
                    t.status()
                            .map(s -> s.key())
                            .or(() -> t.record().map(r -> "record_" + r.status().key()))
                            .orElse(""));
            Cells.text(row, 12, t.run().orElse(""));
            if (!t.measurements().isEmpty()) {
                measurement(cells, row, 13, t.measurements().get(0));
                List<String> others =
                        t.measurements().subList(1, t.measurements().size()).stream()
                                .map(RiskText::measurement)
                                .toList();
                Cells.text(row, 21, String.join("; ", others));
            }
        }
        Cells.filterable(sheet, 0, rows.size(), TRACE_COLUMNS.size());
        Cells.widths(
                sheet, 6, 15, 10, 10, 15, 28, 30, 6, 50, 11, 9, 12, 16, 36, 9, 9, 9, 7, 16, 8, 50,
                40);
        Cells.printable(sheet, 1);
    }

    private static void measurement(Cells cells, Row row, int col, Measurement m) {
        Cells.text(row, col, m.name());
        cells.estimate(row, col + 1, m.estimate());
        cells.interval(row, col + 2, m.ci(), Text.NONE);
        if (m.level().isPresent()) {
            cells.level(row, col + 4, m.level().getAsDouble());
        }
        Cells.text(row, col + 5, m.method());
        Cells.text(row, col + 6, m.verdict().orElse(""));
        Cells.text(row, col + 7, m.signature().orElse("").replace("\n", "; "));
    }

    private static void gaps(XSSFWorkbook wb, Cells cells, List<Gap> gaps) {
        XSSFSheet sheet = wb.createSheet("Gaps");
        cells.header(sheet, 0, GAP_COLUMNS);
        for (int i = 0; i < gaps.size(); i++) {
            Gap g = gaps.get(i);
            Row row = sheet.createRow(i + 1);
            Cells.text(row, 0, RiskText.gap(g.kind()));
            Cells.text(row, 1, g.subject());
            cells.wrapped(row, 2, g.message());
        }
        Cells.filterable(sheet, 0, gaps.size(), GAP_COLUMNS.size());
        Cells.widths(sheet, 30, 16, 110);
        Cells.printable(sheet, 1);
    }
}
