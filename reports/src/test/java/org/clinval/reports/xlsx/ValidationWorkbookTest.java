package org.clinval.reports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.demo.DemoStudy;
import org.clinval.reports.model.CaseRow;
import org.clinval.reports.model.EndpointResult;
import org.clinval.reports.model.SubgroupRow;
import org.clinval.reports.model.ValidationReport;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.roc.RocPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTScatterSer;

class ValidationWorkbookTest {

    static final Path OUT = Path.of("target", "test-reports");
    static DemoStudy study;
    static ValidationReport report;
    static XSSFWorkbook wb;

    @BeforeAll
    static void writeAndReadBack() throws Exception {
        study = DemoStudy.generate(20250602L);
        report = study.report();
        Files.createDirectories(OUT);
        Path xlsx = OUT.resolve("validation-workbook.xlsx");
        ValidationWorkbook.write(report, study.cases(), xlsx);
        try (InputStream in = Files.newInputStream(xlsx)) {
            wb = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
    }

    @Test
    void hasTheFiveSheetsInOrder() {
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(wb::getSheetName))
                .containsExactly("Cases", "Metrics", "ROC", "Subgroups", "Quarantine");
    }

    @Test
    void listsEveryCaseUnderAFrozenFilteredHeader() {
        XSSFSheet cases = wb.getSheet("Cases");
        Map<String, Integer> col = columns(cases.getRow(0));
        assertThat(col.keySet()).containsAll(ValidationWorkbook.CASE_COLUMNS);
        assertThat(cases.getLastRowNum()).isEqualTo(study.cases().size());
        assertThat(cases.getPaneInformation().isFreezePane()).isTrue();
        assertThat(cases.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(cases.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:I601");
        for (int i = 0; i < study.cases().size(); i++) {
            CaseRow c = study.cases().get(i);
            Row row = cases.getRow(i + 1);
            assertThat(row.getCell(col.get("Case")).getStringCellValue()).isEqualTo(c.caseId());
            assertThat(row.getCell(col.get("Score")).getNumericCellValue()).isEqualTo(c.score());
            assertThat((int) row.getCell(col.get("Reference label")).getNumericCellValue())
                    .isEqualTo(c.label());
            assertThat((int) row.getCell(col.get("Prediction")).getNumericCellValue())
                    .isEqualTo(c.prediction());
        }
    }

    @Test
    void metricsHoldEveryEndpointAsNumbers() {
        Sheet metrics = wb.getSheet("Metrics");
        Map<String, Integer> col = columns(rowStarting(metrics, "ID"));
        assertThat(col.keySet()).containsAll(MetricsSheet.ENDPOINT_COLUMNS);
        for (EndpointResult e : report.endpoints()) {
            Row row = rowStarting(metrics, e.id());
            Cell estimate = row.getCell(col.get("Estimate"));
            if (e.estimate().isPresent()) {
                assertThat(estimate.getNumericCellValue()).isEqualTo(e.estimate().getAsDouble());
            } else {
                assertThat(estimate.getStringCellValue()).isEqualTo("undefined");
                assertThat(row.getCell(col.get("Undefined because")).getStringCellValue())
                        .isEqualTo(e.undefinedReason().orElseThrow());
            }
            e.ci().ifPresent(
                            ci -> {
                                assertThat(row.getCell(col.get("CI lower")).getNumericCellValue())
                                        .isEqualTo(ci.lower());
                                assertThat(row.getCell(col.get("CI upper")).getNumericCellValue())
                                        .isEqualTo(ci.upper());
                            });
            assertThat(row.getCell(col.get("Level")).getNumericCellValue()).isEqualTo(e.level());
            assertThat(row.getCell(col.get("Method")).getStringCellValue()).isEqualTo(e.method());
            assertThat(row.getCell(col.get("Criterion")).getStringCellValue())
                    .isEqualTo(e.criterion());
            assertThat(row.getCell(col.get("Result")).getStringCellValue())
                    .isEqualTo(e.passed() ? "PASS" : "FAIL");
            assertThat(row.getCell(col.get("Requirements")).getStringCellValue())
                    .isEqualTo(String.join(", ", e.requirementIds()));
            assertThat(row.getCell(col.get("Risk controls")).getStringCellValue())
                    .isEqualTo(String.join(", ", e.riskControlIds()));
        }
    }

    @Test
    void metricsHoldTheConfusionMatrixAndAuc() {
        Sheet metrics = wb.getSheet("Metrics");
        ConfusionMatrix m = report.matrix();
        assertThat(numbers(rowStarting(metrics, "Called positive"), 3))
                .containsExactly((double) m.tp(), (double) m.fp(), (double) (m.tp() + m.fp()));
        assertThat(numbers(rowStarting(metrics, "Called negative"), 3))
                .containsExactly((double) m.fn(), (double) m.tn(), (double) (m.fn() + m.tn()));
        assertThat(numbers(rowStarting(metrics, "Total"), 3))
                .containsExactly(
                        (double) m.positives(), (double) m.negatives(), (double) m.total());
        assertThat(rowStarting(metrics, "AUC").getCell(1).getNumericCellValue())
                .isEqualTo(report.roc().auc().auc());
        var ci = report.roc().auc().ci().orElseThrow();
        assertThat(numbers(rowStarting(metrics, "AUC CI lower, upper"), 2))
                .containsExactly(ci.lower(), ci.upper());
    }

    @Test
    void rocSheetHoldsEveryPointAndANativeChartOfThem() {
        XSSFSheet roc = wb.getSheet("ROC");
        List<RocPoint> curve = report.roc().curve();
        for (int i = 0; i < curve.size(); i++) {
            Row row = roc.getRow(i + 1);
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(curve.get(i).sensitivity());
            assertThat(row.getCell(5).getNumericCellValue())
                    .isCloseTo(curve.get(i).falsePositiveRate(), within(0.0));
        }
        XSSFDrawing drawing = roc.getDrawingPatriarch();
        List<XSSFChart> charts = drawing.getCharts();
        assertThat(charts).hasSize(1);
        var plot = charts.get(0).getCTChart().getPlotArea();
        assertThat(plot.getScatterChartArray()).hasSize(1);
        CTScatterSer[] series = plot.getScatterChartArray(0).getSerArray();
        assertThat(series).hasSize(3);
        assertThat(series[0].getXVal().getNumRef().getF())
                .isEqualTo("ROC!$F$2:$F$" + (curve.size() + 1));
        assertThat(series[0].getYVal().getNumRef().getF())
                .isEqualTo("ROC!$D$2:$D$" + (curve.size() + 1));
        for (CTScatterSer s : series) {
            assertThat(s.getSpPr().isSetLn()).as("explicit line properties").isTrue();
        }
        assertThat(series[0].getSpPr().getLn().isSetSolidFill()).isTrue();
        assertThat(series[0].getMarker().getSymbol().getVal().toString()).isEqualTo("none");
        assertThat(series[2].getDPtArray()).hasSize(1);
        assertThat(series[2].getDPtArray(0).getIdx().getVal()).isEqualTo(1);
        assertThat(series[2].getDPtArray(0).getMarker().getSymbol().getVal().toString())
                .as("the operating point is marked")
                .isEqualTo("circle");
        assertThat(series[2].getYVal().getNumRef().getF()).isEqualTo("ROC!$J$2:$J$4");
        RocPoint op = report.roc().operatingPoint();
        Row opRow = rowStarting(roc, "Operating point (", 7);
        assertThat(opRow.getRowNum()).isEqualTo(2);
        assertThat(opRow.getCell(8).getNumericCellValue()).isEqualTo(op.falsePositiveRate());
        assertThat(opRow.getCell(9).getNumericCellValue()).isEqualTo(op.sensitivity());
    }

    @Test
    void subgroupsHoldEstimatesIntervalsAndWarnings() {
        Sheet sheet = wb.getSheet("Subgroups");
        Map<String, Integer> col = columns(sheet.getRow(0));
        assertThat(sheet.getLastRowNum()).isEqualTo(report.subgroups().size());
        for (int i = 0; i < report.subgroups().size(); i++) {
            SubgroupRow s = report.subgroups().get(i);
            Row row = sheet.getRow(i + 1);
            assertThat(row.getCell(col.get("Value")).getStringCellValue()).isEqualTo(s.value());
            Cell sens = row.getCell(col.get("Sensitivity"));
            if (s.sensitivity().isDefined()) {
                assertThat(sens.getNumericCellValue())
                        .isEqualTo(s.sensitivity().estimate().getAsDouble());
                assertThat(row.getCell(col.get("Sensitivity CI lower")).getNumericCellValue())
                        .isEqualTo(s.sensitivity().interval(s.ciMethod()).orElseThrow().lower());
            } else {
                assertThat(sens.getStringCellValue()).isEqualTo("undefined");
            }
            assertThat(row.getCell(col.get("Warnings")).getStringCellValue())
                    .isEqualTo(String.join("; ", s.warnings()));
        }
    }

    @Test
    void quarantineListsEveryCaseWithItsReason() {
        Sheet sheet = wb.getSheet("Quarantine");
        assertThat(sheet.getLastRowNum()).isEqualTo(report.quarantine().size());
        for (int i = 0; i < report.quarantine().size(); i++) {
            assertThat(sheet.getRow(i + 1).getCell(0).getStringCellValue())
                    .isEqualTo(report.quarantine().get(i).caseId());
            assertThat(sheet.getRow(i + 1).getCell(2).getStringCellValue())
                    .isEqualTo(report.quarantine().get(i).reason());
        }
    }

    @Test
    void noCellHoldsNaN() {
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC) {
                        assertThat(cell.getNumericCellValue()).isFinite();
                    } else if (cell.getCellType() == CellType.STRING) {
                        assertThat(cell.getStringCellValue())
                                .doesNotContainPattern("(?i)\\bnan\\b");
                    }
                }
            }
        }
    }

    @Test
    void refusesCasesThatAreNotTheReportsResults() {
        assertThatThrownBy(
                        () ->
                                ValidationWorkbook.write(
                                        report,
                                        study.cases().subList(1, study.cases().size()),
                                        OUT.resolve("never.xlsx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("599 cases")
                .hasMessageContaining("600 results");
        assertThat(OUT.resolve("never.xlsx")).doesNotExist();
    }

    static Map<String, Integer> columns(Row header) {
        Map<String, Integer> col = new HashMap<>();
        for (Cell c : header) {
            col.put(c.getStringCellValue(), c.getColumnIndex());
        }
        return col;
    }

    static Row rowStarting(Sheet sheet, String first) {
        return rowStarting(sheet, first, 0);
    }

    static Row rowStarting(Sheet sheet, String first, int column) {
        for (Row row : sheet) {
            Cell c = row.getCell(column);
            if (c != null
                    && c.getCellType() == CellType.STRING
                    && c.getStringCellValue().startsWith(first)) {
                return row;
            }
        }
        throw new AssertionError("no row of " + sheet.getSheetName() + " starts with " + first);
    }

    static double[] numbers(Row row, int count) {
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = row.getCell(k + 1).getNumericCellValue();
        }
        return out;
    }
}
