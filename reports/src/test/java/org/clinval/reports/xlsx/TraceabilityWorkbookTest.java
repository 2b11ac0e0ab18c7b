package org.clinval.reports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.internal.Palette;
import org.clinval.reports.model.RiskReport;
import org.clinval.reports.testing.RiskDemo;
import org.clinval.risk.Acceptability;
import org.clinval.risk.Level;
import org.clinval.risk.check.Gap;
import org.clinval.risk.check.RiskAssessment;
import org.clinval.risk.trace.TraceRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traceability workbook of the demo risk file against a run in which the effectiveness scenario
 * of RCM-001 failed and that of RCM-009 is missing, read back with POI.
 */
class TraceabilityWorkbookTest {

    static final Path OUT = Path.of("target", "test-reports", "risk", "workbook");
    static final DataFormatter FORMAT = new DataFormatter(java.util.Locale.ROOT);
    static RiskReport report;
    static XSSFWorkbook wb;

    @BeforeAll
    static void writeAndReadBack() throws Exception {
        Path dir = Files.createDirectories(OUT);
        Path register = RiskDemo.files(dir.resolve("files"), t -> t);
        Path run =
                RiskDemo.run(
                        dir,
                        "run-2025-06-02",
                        List.of(RiskDemo.RCM_001_EFFECTIVENESS),
                        List.of(RiskDemo.RCM_009_EFFECTIVENESS),
                        t -> t);
        report = RiskDemo.report(register, Optional.of(run), List.of());
        Path xlsx = dir.resolve("traceability.xlsx");
        TraceabilityWorkbook.write(report, xlsx);
        try (InputStream in = Files.newInputStream(xlsx)) {
            wb = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
    }

    /** The cells of data row {@code r} (from 1) as text, keyed by column header. */
    static Map<String, String> row(XSSFSheet sheet, int header, int r) {
        Row h = sheet.getRow(header);
        Row row = sheet.getRow(r);
        Map<String, String> out = new HashMap<>();
        for (int c = 0; c < h.getLastCellNum(); c++) {
            out.put(h.getCell(c).getStringCellValue(), FORMAT.formatCellValue(row.getCell(c)));
        }
        return out;
    }

    static String name(Level l) {
        return l.id() + " " + l.name();
    }

    @Test
    void hasTheFiveSheetsInOrder() {
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(wb::getSheetName))
                .containsExactly("Traceability", "Gaps", "Risks", "Controls", "Matrix");
        assertThat(wb.getNumberOfSheets()).isEqualTo(5);
    }

    @Test
    void theMatrixIsAFilterableSheetWithOneRowPerTraceRow() {
        XSSFSheet sheet = wb.getSheet("Traceability");
        List<TraceRow> rows = report.matrix().rows();
        assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
        CellRangeAddress filter =
                CellRangeAddress.valueOf(sheet.getCTWorksheet().getAutoFilter().getRef());
        assertThat(filter.getFirstRow()).isZero();
        assertThat(filter.getLastRow()).isEqualTo(rows.size());
        assertThat(filter.getLastColumn() + 1).isEqualTo(TraceabilityWorkbook.TRACE_COLUMNS.size());
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        for (int i = 0; i < rows.size(); i++) {
            TraceRow t = rows.get(i);
            Map<String, String> r = row(sheet, 0, i + 1);
            assertThat(r.get("Row")).isEqualTo(Integer.toString(i + 1));
            assertThat(r.get("Requirement")).isEqualTo(t.requirement().orElse(""));
            assertThat(r.get("Hazard")).isEqualTo(t.hazard().orElse(""));
            assertThat(r.get("Control")).isEqualTo(t.control().orElse(""));
            assertThat(r.get("Scenario")).isEqualTo(t.scenario().map(s -> s.name()).orElse(""));
            String result =
                    t.scenario().map(s -> s.passed() ? "PASSED" : "FAILED").orElse("MISSING");
            if (t.record().isPresent()) result = t.record().get().passed() ? "PASSED" : "CHANGED";
            if (t.requirement().isEmpty() && t.control().isEmpty()) result = "\u2014";
            assertThat(r.get("Result")).as("row " + (i + 1)).isEqualTo(result);
        }
    }

    @Test
    void measuredValuesAreNumbers() {
        // metrics.json of the run: EP1 sensitivity 0.9, CI [0.8499, 0.9372], level 0.95.
        XSSFSheet sheet = wb.getSheet("Traceability");
        int est = TraceabilityWorkbook.TRACE_COLUMNS.indexOf("Estimate");
        Row first = sheet.getRow(1);
        assertThat(first.getCell(est).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(first.getCell(est).getNumericCellValue()).isEqualTo(0.9);
        assertThat(first.getCell(est + 1).getNumericCellValue()).isEqualTo(0.8499);
        assertThat(first.getCell(est + 2).getNumericCellValue()).isEqualTo(0.9372);
        assertThat(first.getCell(est + 3).getNumericCellValue()).isEqualTo(0.95);
    }

    @Test
    void everyGapIsListed() {
        XSSFSheet sheet = wb.getSheet("Gaps");
        List<Gap> gaps = report.check().gaps();
        assertThat(gaps).hasSize(2);
        assertThat(sheet.getLastRowNum()).isEqualTo(gaps.size());
        for (int i = 0; i < gaps.size(); i++) {
            Map<String, String> r = row(sheet, 0, i + 1);
            assertThat(r.get("Kind")).isEqualTo(gaps.get(i).kind().key().replace('_', ' '));
            assertThat(r.get("Subject")).isEqualTo(gaps.get(i).subject());
            assertThat(r.get("What is missing")).isEqualTo(gaps.get(i).message());
        }
        assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
    }

    @Test
    void everyRiskHasItsInitialAndResidualLevelsFilledByRegion() {
        XSSFSheet sheet = wb.getSheet("Risks");
        List<RiskAssessment> risks = report.check().risks();
        assertThat(sheet.getLastRowNum()).isEqualTo(risks.size());
        for (int i = 0; i < risks.size(); i++) {
            RiskAssessment a = risks.get(i);
            Map<String, String> r = row(sheet, 0, i + 1);
            assertThat(r.get("Hazard")).isEqualTo(a.id());
            assertThat(r.get("Initial severity")).isEqualTo(name(a.hazard().initial().severity()));
            assertThat(r.get("Initial probability"))
                    .isEqualTo(name(a.hazard().initial().probability()));
            assertThat(r.get("Initial region")).isEqualTo(a.initialAcceptability().key());
            assertThat(r.get("Verified residual severity"))
                    .isEqualTo(name(a.residual().severity()));
            assertThat(r.get("Verified residual probability"))
                    .isEqualTo(name(a.residual().probability()));
            assertThat(r.get("Verified residual region"))
                    .isEqualTo(a.residualAcceptability().key());
            assertThat(r.get("Raised")).isEqualTo(a.raised() ? "yes" : "no");
            Row row = sheet.getRow(i + 1);
            for (int c = 5; c <= 7; c++) {
                assertThat(fill(row, c))
                        .as(a.id() + " initial")
                        .isEqualTo(fill(a.initialAcceptability()));
            }
            for (int c = 11; c <= 13; c++) {
                assertThat(fill(row, c))
                        .as(a.id() + " verified")
                        .isEqualTo(fill(a.residualAcceptability()));
            }
        }
        // RCM-001 failed: HAZ-001 is back at its initial S4/P4, unacceptable.
        Map<String, String> haz001 = row(sheet, 0, 1);
        assertThat(haz001.get("Claimed residual probability")).isEqualTo("P2 remote");
        assertThat(haz001.get("Verified residual probability")).isEqualTo("P4 probable");
        assertThat(haz001.get("Verified residual region")).isEqualTo("unacceptable");
        assertThat(haz001.get("Not effective")).isEqualTo("RCM-001");
        assertThat(fill(Acceptability.ACCEPTABLE))
                .isNotEqualTo(fill(Acceptability.INVESTIGATE))
                .isNotEqualTo(fill(Acceptability.UNACCEPTABLE));
    }

    private static String fill(Row row, int col) {
        XSSFCellStyle style = ((XSSFCell) row.getCell(col)).getCellStyle();
        return style.getFillForegroundXSSFColor().getARGBHex().substring(2);
    }

    private static String fill(Acceptability a) {
        return Palette.region(a).fillHex().substring(1);
    }

    @Test
    void controlsShowTheirKindAndWhetherTheyAreEffective() {
        XSSFSheet sheet = wb.getSheet("Controls");
        assertThat(sheet.getLastRowNum()).isEqualTo(report.check().controls().size());
        Map<String, String> rcm001 = row(sheet, 0, 1);
        assertThat(rcm001.get("Control")).isEqualTo("RCM-001");
        assertThat(rcm001.get("Kind")).isEqualTo("inherent safety by design");
        assertThat(rcm001.get("Requirements")).isEqualTo("REQ-PERF-001, REQ-PERF-002");
        assertThat(rcm001.get("Effective")).isEqualTo("NOT EFFECTIVE");
        assertThat(rcm001.get("Effectiveness verification")).isEqualTo("@RCM-001: FAILED");
        assertThat(rcm001.get("Implementation verification"))
                .isEqualTo("@REQ-PERF-001: PASSED\n@REQ-PERF-002: PASSED");
        Map<String, String> rcm009 = row(sheet, 0, 9);
        assertThat(rcm009.get("Control")).isEqualTo("RCM-009");
        assertThat(rcm009.get("Kind")).isEqualTo("information for safety");
        assertThat(rcm009.get("Effectiveness verification")).isEqualTo("@RCM-009: MISSING");
        assertThat(row(sheet, 0, 2).get("Effective")).isEqualTo("effective");
        XSSFCell effective = sheet.getRow(1).getCell(5);
        assertThat(effective.getCellStyle().getFont().getXSSFColor().getARGBHex().substring(2))
                .isEqualTo(Palette.hex(Palette.BAD).substring(1));
    }

    /**
     * RCM-001's effectiveness scenario failed (not verified), RCM-002's passed (verified by study),
     * RCM-008 cites an inspection and a usability record that are unchanged (verified by record).
     */
    @Test
    void controlsShowTheThreeVerificationStatusesAndNameTheirRecords() {
        XSSFSheet sheet = wb.getSheet("Controls");
        assertThat(row(sheet, 0, 1).get("Verification")).isEqualTo("not verified");
        assertThat(row(sheet, 0, 2).get("Verification")).isEqualTo("verified by study");
        Map<String, String> rcm008 = row(sheet, 0, 8);
        assertThat(rcm008.get("Control")).isEqualTo("RCM-008");
        assertThat(rcm008.get("Effective")).isEqualTo("effective");
        assertThat(rcm008.get("Verification")).isEqualTo("verified by record");
        assertThat(rcm008.get("Effectiveness verification"))
                .isEqualTo(
                        "Summative usability evaluation report UE-DEMO-001 (summary) (usability"
                                + " record): usability-summative-evaluation.md, SHA-256"
                                + " e621d1f1f26d\u2026, signed by A. Reviewer, human factors"
                                + " engineer on 2026-11-20: PASSED");
        assertThat(rcm008.get("Implementation verification"))
                .startsWith("Inspection record IR-DEMO-004")
                .contains("labelling-inspection.md, SHA-256 837297dfab56\u2026");
        XSSFCell status = sheet.getRow(8).getCell(6);
        assertThat(status.getCellStyle().getFont().getXSSFColor().getARGBHex().substring(2))
                .isEqualTo(Palette.hex(Palette.GOOD).substring(1));
        XSSFSheet trace = wb.getSheet("Traceability");
        List<Map<String, String>> records = new java.util.ArrayList<>();
        for (int r = 1; r <= trace.getLastRowNum(); r++) {
            Map<String, String> m = row(trace, 0, r);
            if (m.get("Evidence status").startsWith("record_")) records.add(m);
        }
        // RCM-008 implements REQ-LAB-001 and REQ-USE-001, applied to HAZ-001 and HAZ-007: 2 × 2
        // × its 2 records; and REQ-USE-001 is verified by the usability record itself.
        assertThat(records).hasSize(9);
        assertThat(records)
                .filteredOn(m -> m.get("Control").isEmpty())
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.get("Requirement")).isEqualTo("REQ-USE-001");
                            assertThat(m.get("Verifies")).isEqualTo("requirement");
                            assertThat(m.get("Reference")).startsWith("Summative usability");
                        });
        assertThat(records)
                .filteredOn(m -> !m.get("Control").isEmpty())
                .hasSize(8)
                .allSatisfy(
                        m -> {
                            assertThat(m.get("Control")).isEqualTo("RCM-008");
                            assertThat(m.get("Result")).isEqualTo("PASSED");
                            assertThat(m.get("Evidence status")).isEqualTo("record_matches");
                            assertThat(m.get("Reference")).contains("SHA-256 ");
                        });
    }

    @Test
    void theMatrixSheetColoursThePlansRegions() {
        XSSFSheet sheet = wb.getSheet("Matrix");
        // plan.yaml: S5 row [investigate, investigate, unacceptable, unacceptable, unacceptable].
        Row s5 = sheet.getRow(3);
        assertThat(s5.getCell(0).getStringCellValue()).isEqualTo("S5 catastrophic");
        assertThat(s5.getCell(1).getStringCellValue()).isEqualTo("investigate");
        assertThat(s5.getCell(3).getStringCellValue()).isEqualTo("unacceptable");
        assertThat(fill(s5, 3)).isEqualTo(fill(Acceptability.UNACCEPTABLE));
        Row s1 = sheet.getRow(7);
        assertThat(s1.getCell(0).getStringCellValue()).isEqualTo("S1 negligible");
        assertThat(fill(s1, 1)).isEqualTo(fill(Acceptability.ACCEPTABLE));
    }
}
