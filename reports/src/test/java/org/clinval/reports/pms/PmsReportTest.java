package org.clinval.reports.pms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.pdf.PdfA;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The surveillance report and workbook of a synthetic half year at three sites, in which site C's
 * specificity falls from April, raising a CUSUM alarm and a drift flag that one investigation
 * closes with a revalidation.
 */
class PmsReportTest {

    static final Path OUT = Path.of("target", "test-reports", "pms");

    static Path folder;
    static LocalDate alarmDay;
    static PmsReportInputs inputs;
    static Path pdf;
    static Path xlsx;
    static String text;

    /** The text in the order it was drawn, every run of white space one space: cells whole. */
    static String flow;

    @BeforeAll
    static void writeReport() throws Exception {
        folder = OUT.resolve("out");
        alarmDay = SurveillanceFolder.write(folder);
        inputs = PmsOutputFolder.read(folder, SurveillanceFolder.FROM, SurveillanceFolder.TO);
        pdf = OUT.resolve("pms-report.pdf");
        xlsx = OUT.resolve("pms-workbook.xlsx");
        PmsReportWriter.write(inputs, pdf);
        PmsWorkbookWriter.write(inputs, xlsx);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            text = s.getText(doc);
            PDFTextStripper f = new PDFTextStripper();
            flow = f.getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theReportIsPdfA1b() throws Exception {
        assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_1_B)).isEmpty();
    }

    @Test
    void theReportShowsThePeriodTheAlarmsAndTheDecision() {
        assertThat(text)
                .contains("Reporting period 2026-01-01 to 2026-06-30")
                .contains("device 2.1.0 \u00b7 model 1.0.0")
                .contains("run-2025-11-20")
                .contains("9f2c4e0b7a1d3c5e8f60718293a4b5c6d7e8f90112233445566778899aabbccd")
                .contains("closed \u00b7 revalidation");
        assertThat(flow)
                .contains(SurveillanceFolder.cusumAlarm)
                .contains(SurveillanceFolder.DRIFT_ALARM)
                .contains("INV-2026-001: closed, revalidation")
                .contains("qa.lead (approved the decision")
                .contains("specificity: alarm on " + alarmDay + ".")
                .contains("+ dead-lettered 12 + waiting 97")
                .contains("every event is accounted for")
                .contains("Page 1 of")
                .contains("Generated ");
    }

    @Test
    void undefinedValuesSayWhyAndNothingPrintsAsNaN() {
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(flow).contains("undefined (no positives)");
        assertThat(flow).contains("undefined (fewer than 10 cases of a class)");
    }

    @Test
    void theReportNamesNoCase() {
        assertThat(text).doesNotContainPattern("p0\\d{5}");
    }

    @Test
    void everyPageHasItsNumberOfTheTotal() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(5);
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                assertThat(s.getText(doc)).contains("Page " + p + " of " + pages);
            }
        }
    }

    @Test
    void noTextRunsOffThePage() throws Exception {
        List<String> outside = new java.util.ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s =
                    new PDFTextStripper() {
                        @Override
                        protected void writeString(
                                String run, List<org.apache.pdfbox.text.TextPosition> glyphs)
                                throws java.io.IOException {
                            for (org.apache.pdfbox.text.TextPosition g : glyphs) {
                                float left = g.getXDirAdj();
                                float right = left + g.getWidthDirAdj();
                                if (left < 39.5f || right > 595 - 39.5f) {
                                    outside.add(getCurrentPageNo() + ": " + run);
                                    break;
                                }
                            }
                            super.writeString(run, glyphs);
                        }
                    };
            s.getText(doc);
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void theWorkbookHasEveryRowOfTheFiles() throws Exception {
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (String[] f :
                    new String[][] {
                        {"Windows", "windows.csv"}, {"Drift", "drift.csv"}, {"CUSUM", "cusum.csv"}
                    }) {
                long rows;
                try (var lines = Files.lines(folder.resolve(f[1]))) {
                    rows = lines.filter(l -> !l.isBlank()).count() - 1;
                }
                assertThat(wb.getSheet(f[0]).getLastRowNum()).as(f[0]).isEqualTo((int) rows);
            }
            assertThat(wb.getSheet("Alarms").getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void theWorkbookHoldsTheFilesNumbersAsNumbers() throws Exception {
        CSVRecord spec =
                csv(
                        "windows.csv",
                        r ->
                                r.get("stratum").equals("site=C")
                                        && r.get("window_kind").equals("month")
                                        && r.get("window_start").equals("2026-05-01"));
        CSVRecord lo =
                csv(
                        "cusum.csv",
                        r ->
                                r.get("stratum").equals("site=C")
                                        && r.get("metric").equals("specificity")
                                        && r.get("day").equals(alarmDay.toString()));
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Windows");
            for (String name :
                    List.of(
                            "Windows",
                            "Drift",
                            "CUSUM",
                            "Alarms",
                            "Investigations",
                            "Reconciliation",
                            "Baseline")) {
                Sheet sheet = wb.getSheet(name);
                assertThat(sheet).as(name).isNotNull();
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(sheet.getColumnWidth(0)).as(name).isGreaterThan(8 * 256 - 1);
            }
            Row w = find(wb.getSheet("Windows"), 3, "site=C", 1, "2026-05-01");
            assertThat(w.getCell(12).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(w.getCell(12).getNumericCellValue())
                    .isEqualTo(Double.parseDouble(spec.get("specificity")));
            assertThat(w.getCell(13).getNumericCellValue())
                    .isEqualTo(Double.parseDouble(spec.get("specificity_lower")));
            assertThat(w.getCell(4).getNumericCellValue())
                    .isEqualTo(Double.parseDouble(spec.get("n_predictions")));
            Row c = null;
            for (Row r : wb.getSheet("CUSUM")) {
                if (r.getRowNum() > 0
                        && r.getCell(0).getStringCellValue().equals(alarmDay.toString())
                        && r.getCell(1).getStringCellValue().equals("site=C")
                        && r.getCell(2).getStringCellValue().equals("specificity")) {
                    c = r;
                }
            }
            assertThat(c).isNotNull();
            assertThat(c.getCell(10).getNumericCellValue())
                    .isEqualTo(Double.parseDouble(lo.get("s_lo")));
            assertThat(c.getCell(11).getStringCellValue()).isEqualTo("low");
            Row inv = wb.getSheet("Investigations").getRow(1);
            assertThat(inv.getCell(7).getStringCellValue()).isEqualTo("revalidation");
            Row flagged = find(wb.getSheet("Drift"), 12, "drift", 3, "site=C");
            assertThat(flagged.getCell(9).getNumericCellValue()).isEqualTo(0.2731846027);
            Row events = wb.getSheet("Reconciliation").getRow(2);
            assertThat(events.getCell(0).getStringCellValue()).isEqualTo("events_in");
            assertThat(events.getCell(1).getNumericCellValue())
                    .isEqualTo(inputs.reconciliation().get(1).number().getAsDouble());
        }
    }

    @Test
    void theReaderKeepsOnlyWindowsOverlappingThePeriod() throws Exception {
        PmsReportInputs april =
                PmsOutputFolder.read(folder, LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 20));
        assertThat(april.windows())
                .allMatch(
                        w ->
                                w.windowKind().equals("cumulative")
                                        || w.windowStart().equals(LocalDate.of(2026, 4, 1)));
        assertThat(april.cusum())
                .allMatch(
                        p ->
                                !p.day().isBefore(LocalDate.of(2026, 4, 10))
                                        && !p.day().isAfter(LocalDate.of(2026, 4, 20)));
        assertThat(april.trendWindowKind()).contains("month");
        assertThat(april.planWindow()).contains("month");
    }

    private static Row find(Sheet sheet, int col, String value, int col2, String value2) {
        for (Row r : sheet) {
            if (r.getRowNum() > 0
                    && value.equals(r.getCell(col).getStringCellValue())
                    && value2.equals(r.getCell(col2).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + value + ", " + value2 + " in " + sheet.getSheetName());
    }

    private static CSVRecord csv(String file, java.util.function.Predicate<CSVRecord> which)
            throws Exception {
        try (Reader in = Files.newBufferedReader(folder.resolve(file), StandardCharsets.UTF_8)) {
            for (CSVRecord r :
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(in)) {
                if (which.test(r)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no such row in " + file);
    }
}
