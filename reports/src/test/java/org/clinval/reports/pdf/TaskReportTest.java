package org.clinval.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The validation report and workbook of a segmentation and a detection study, checked against the
 * run folder's {@code case-results.csv}, {@code candidates.csv} and {@code metrics.json} read
 * independently of the report code.
 */
class TaskReportTest {

    static final Path OUT = Path.of("target", "test-reports");
    static TaskRunFolders.Run seg;
    static TaskRunFolders.Run det;
    static PdfText segText;
    static PdfText detText;
    static TaskRunFolders.Run demo;
    static PdfText demoText;

    @BeforeAll
    static void writeReports() throws Exception {
        seg = TaskRunFolders.segmentation(OUT.resolve("segmentation-run").toAbsolutePath());
        det = TaskRunFolders.detection(OUT.resolve("detection-run").toAbsolutePath());
        segText = PdfText.read(seg.pdf(), 40);
        detText = PdfText.read(det.pdf(), 40);
        demo =
                TaskRunFolders.segmentationDemo(
                        OUT.resolve("segmentation-demo-run").toAbsolutePath());
        demoText = PdfText.read(demo.pdf(), 40);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static List<Map<String, String>> csv(Path file) throws Exception {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(file);
                CSVParser p = CSVParser.parse(r, format)) {
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord rec : p) out.add(rec.toMap());
            return out;
        }
    }

    static JsonNode metrics(TaskRunFolders.Run run) throws Exception {
        return new ObjectMapper().readTree(run.dir().resolve("metrics.json").toFile());
    }

    static String cell(String csvValue) {
        return csvValue.isEmpty() ? "undefined" : f3(Double.parseDouble(csvValue));
    }

    /** The case-results rows, worst Dice first, then largest HD95, then case id. */
    static List<Map<String, String>> worstFirst() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>(csv(seg.caseResults()));
        rows.sort(
                Comparator.<Map<String, String>>comparingDouble(
                                r -> Double.parseDouble(r.get("dice")))
                        .thenComparing(
                                r ->
                                        r.get("hd95").isEmpty()
                                                ? Double.NEGATIVE_INFINITY
                                                : Double.parseDouble(r.get("hd95")),
                                Comparator.reverseOrder())
                        .thenComparing(r -> r.get("case_id")));
        return rows;
    }

    @Test
    void bothReportsConformToPdfA1bAndStayInsideTheMargins() throws Exception {
        assertThat(PdfA.failures(seg.pdf(), PDFAFlavour.PDFA_1_B)).isEmpty();
        assertThat(PdfA.failures(det.pdf(), PDFAFlavour.PDFA_1_B)).isEmpty();
        assertThat(segText.overflows()).isEmpty();
        assertThat(detText.overflows()).isEmpty();
        assertThat(segText.all()).doesNotContain("NaN", "null");
        assertThat(detText.all()).doesNotContain("NaN", "null");
    }

    @Test
    void theSegmentationReportPrintsTheThirtyWorstCasesAsInTheCsv() throws Exception {
        List<Map<String, String>> rows = worstFirst();
        assertThat(rows).hasSize(36);
        List<String> caseLines =
                segText.lines().stream().filter(l -> l.matches("seg-\\d\\d .*")).toList();
        assertThat(caseLines).hasSize(30);
        for (int i = 0; i < 30; i++) {
            Map<String, String> r = rows.get(i);
            assertThat(caseLines.get(i))
                    .as(r.get("case_id"))
                    .isEqualTo(
                            String.join(
                                    " ",
                                    r.get("case_id"),
                                    r.get("label"),
                                    cell(r.get("dice")),
                                    cell(r.get("iou")),
                                    cell(r.get("hd95")),
                                    cell(r.get("assd")),
                                    cell(r.get("surface_dice")),
                                    r.get("empty")));
        }
        assertThat(segText.all())
                .contains("The 30 cases of 36 with the lowest Dice, worst first")
                .doesNotContain(rows.get(35).get("case_id"));
    }

    @Test
    void theSegmentationAggregatesAreThoseOfMetricsJson() throws Exception {
        JsonNode m = metrics(seg).path("segmentation").path("metrics");
        for (String[] metric :
                new String[][] {
                    {"dice", "Dice "},
                    {"hd95", "HD95 (mm) "},
                    {"surface_dice", "Surface Dice at 2 mm "}
                }) {
            JsonNode x = m.path(metric[0]);
            String line =
                    segText.linesWith(metric[1]).stream()
                            .filter(l -> l.startsWith(metric[1]))
                            .findFirst()
                            .orElseThrow();
            assertThat(line)
                    .isEqualTo(
                            metric[1]
                                    + x.path("defined").asInt()
                                    + " / "
                                    + x.path("n").asInt()
                                    + " "
                                    + f3(x.at("/mean/estimate").asDouble())
                                    + " "
                                    + f3(x.at("/mean/ci/0").asDouble())
                                    + " \u2013 "
                                    + f3(x.at("/mean/ci/1").asDouble())
                                    + " "
                                    + f3(x.at("/median/estimate").asDouble())
                                    + " "
                                    + f3(x.at("/median/ci/0").asDouble())
                                    + " \u2013 "
                                    + f3(x.at("/median/ci/1").asDouble()));
        }
        JsonNode empty = metrics(seg).at("/segmentation/empty_masks");
        assertThat(segText.all().replace("\n", " "))
                .contains(
                        "Empty masks, of 36 cases: neither "
                                + empty.path("neither").asInt()
                                + ", prediction only "
                                + empty.path("prediction").asInt()
                                + ", reference only "
                                + empty.path("reference").asInt()
                                + ", both "
                                + empty.path("both").asInt())
                .contains("Undefined in 4 cases:");
    }

    @Test
    void theWorstCasesAreNamedWithTheirOverlayOrItsAbsenceStated() throws Exception {
        List<Map<String, String>> rows = worstFirst();
        String all = segText.all().replace("\n", " ");
        for (int i = 0; i < 3; i++) {
            assertThat(all).contains((i + 1) + ".  " + rows.get(i).get("case_id") + " (reference");
        }
        assertThat(all).contains("The run holds no contour overlay of these cases");
        // The demo run holds the inference step's overlays: each worst case shows its own.
        String demoAll = demoText.all().replace("\n", " ");
        assertThat(demoAll).doesNotContain("The run holds no contour overlay");
        List<Map<String, String>> demoRows = csv(demo.dir().resolve("case-results.csv"));
        demoRows.sort(java.util.Comparator.comparingDouble(r -> Double.parseDouble(r.get("dice"))));
        for (int i = 0; i < 3; i++) {
            assertThat(demoAll)
                    .contains(
                            demoRows.get(i).get("case_id")
                                    + ": the slice where reference and prediction disagree most");
        }
        assertThat(segText.all())
                .contains("Distribution of Dice and HD95 across cases")
                .contains("2   Segmentation metrics over cases");
    }

    @Test
    void theSegmentationWorkbookHoldsEveryCaseWithTheCsvValues() throws Exception {
        List<Map<String, String>> rows = worstFirst();
        try (InputStream in = Files.newInputStream(seg.xlsx());
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Segmentation cases");
            assertThat(sheet.getLastRowNum()).isEqualTo(36);
            String[] columns = {"dice", "iou", "hd", "hd95", "hd95_pooled", "assd", "surface_dice"};
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> r = rows.get(i);
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(r.get("case_id"));
                for (int c = 0; c < columns.length; c++) {
                    Cell cell = row.getCell(2 + c);
                    String v = r.get(columns[c]);
                    if (v.isEmpty()) {
                        assertThat(cell.getStringCellValue()).isEqualTo("undefined");
                    } else {
                        assertThat(cell.getNumericCellValue())
                                .as(r.get("case_id") + " " + columns[c])
                                .isEqualTo(Double.parseDouble(v));
                    }
                }
                assertThat(row.getCell(9).getStringCellValue()).isEqualTo(r.get("empty"));
                assertThat((long) row.getCell(10).getNumericCellValue())
                        .isEqualTo(Long.parseLong(r.get("reference_voxels")));
            }
            Sheet m = wb.getSheet("Segmentation metrics");
            JsonNode dice = metrics(seg).at("/segmentation/metrics/dice");
            assertThat(m.getRow(1).getCell(1).getStringCellValue()).isEqualTo("dice");
            assertThat(m.getRow(1).getCell(4).getNumericCellValue())
                    .isEqualTo(dice.at("/mean/estimate").asDouble());
            assertThat(m.getRow(1).getCell(5).getNumericCellValue())
                    .isEqualTo(dice.at("/mean/ci/0").asDouble());
        }
    }

    @Test
    void theDetectionReportPrintsTheCpmAndTheRatesOfMetricsJson() throws Exception {
        JsonNode froc = metrics(det).at("/detection/froc");
        double cpm = froc.at("/cpm/estimate").asDouble();
        String all = detText.all().replace("\n", " ");
        assertThat(all).contains("CPM " + f3(cpm) + " (95% CI ");
        String[] labels = {"1/8", "1/4", "1/2", "1", "2", "4", "8"};
        JsonNode rates = froc.path("sensitivity_at_fp");
        assertThat(rates).hasSize(7);
        for (int i = 0; i < 7; i++) {
            String expected = labels[i] + " " + f3(rates.get(i).path("estimate").asDouble()) + " ";
            assertThat(detText.lines()).as(labels[i]).anyMatch(l -> l.startsWith(expected));
        }
        List<Map<String, String>> cases = csv(det.caseResults());
        int lesions = cases.stream().mapToInt(c -> Integer.parseInt(c.get("lesions"))).sum();
        int hits = cases.stream().mapToInt(c -> Integer.parseInt(c.get("hits"))).sum();
        int fps = cases.stream().mapToInt(c -> Integer.parseInt(c.get("false_positives"))).sum();
        assertThat(detText.linesWith("Lesion-level sensitivity " + hits + "/" + lesions))
                .singleElement()
                .asString()
                .contains(f3((double) hits / lesions));
        assertThat(detText.linesWith("False positives per scan " + fps + "/24 scans"))
                .singleElement()
                .asString()
                .contains(f3(fps / 24.0));
        assertThat(detText.all()).contains("Lesion diameter", "FROC analysis");
    }

    @Test
    void theDetectionWorkbookHoldsTheFrocAndEveryScan() throws Exception {
        List<Map<String, String>> cases = csv(det.caseResults());
        JsonNode froc = metrics(det).at("/detection/froc");
        try (InputStream in = Files.newInputStream(det.xlsx());
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(5)).isEqualTo("FROC");
            Sheet f = wb.getSheet("FROC");
            for (int i = 0; i < 7; i++) {
                JsonNode rate = froc.path("sensitivity_at_fp").get(i);
                assertThat(f.getRow(i + 1).getCell(0).getNumericCellValue())
                        .isEqualTo(rate.path("fp_per_scan").asDouble());
                assertThat(f.getRow(i + 1).getCell(1).getNumericCellValue())
                        .isEqualTo(rate.path("estimate").asDouble());
            }
            assertThat(f.getRow(8).getCell(0).getStringCellValue()).isEqualTo("CPM");
            assertThat(f.getRow(8).getCell(1).getNumericCellValue())
                    .isEqualTo(froc.at("/cpm/estimate").asDouble());
            Sheet s = wb.getSheet("Detection cases");
            assertThat(s.getLastRowNum()).isEqualTo(cases.size());
            String[] columns = {"lesions", "hits", "false_positives", "candidates"};
            for (int i = 0; i < cases.size(); i++) {
                Row row = s.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue())
                        .isEqualTo(cases.get(i).get("case_id"));
                for (int c = 0; c < columns.length; c++) {
                    assertThat(row.getCell(2 + c).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(2 + c).getNumericCellValue())
                            .isCloseTo(
                                    Double.parseDouble(cases.get(i).get(columns[c])), within(0.0));
                }
            }
            long candidates = csv(det.dir().resolve("candidates.csv")).size();
            Sheet d = wb.getSheet("Detection");
            assertThat(d.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(candidates);
        }
    }

    @Test
    void theDemoRunsReportPrintsTheNumbersOfItsOwnMetricsJson() throws Exception {
        JsonNode expected =
                new ObjectMapper()
                        .readTree(demo.dir().resolve("expected-metrics.json").toFile())
                        .path("segmentation");
        String all = demoText.all();
        for (String metric : List.of("dice", "iou", "hd", "hd95", "hd95_pooled", "assd")) {
            JsonNode x = expected.path("metrics").path(metric);
            for (String aggregate : List.of("mean", "median")) {
                assertThat(all)
                        .as(metric + " " + aggregate)
                        .contains(
                                f3(x.at("/" + aggregate + "/estimate").asDouble())
                                        + " "
                                        + f3(x.at("/" + aggregate + "/ci/0").asDouble())
                                        + " \u2013 "
                                        + f3(x.at("/" + aggregate + "/ci/1").asDouble()));
            }
        }
        List<Map<String, String>> rows = csv(demo.caseResults());
        List<String> caseLines =
                demoText.lines().stream().filter(l -> l.matches("C\\d{4} .*")).toList();
        assertThat(caseLines).hasSize(rows.size());
        for (Map<String, String> r : rows) {
            assertThat(caseLines)
                    .as(r.get("case_id"))
                    .contains(
                            String.join(
                                    " ",
                                    r.get("case_id"),
                                    r.get("label"),
                                    cell(r.get("dice")),
                                    cell(r.get("iou")),
                                    cell(r.get("hd95")),
                                    cell(r.get("assd")),
                                    cell(r.get("surface_dice")),
                                    r.get("empty")));
        }
        assertThat(all).contains("All 20 cases, worst Dice first.");
        assertThat(PdfA.failures(demo.pdf(), PDFAFlavour.PDFA_1_B)).isEmpty();
        assertThat(demoText.overflows()).isEmpty();
    }
}
