package org.clinval.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.study.StudyReportService;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.ReportRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The validation report and workbook of a study with a reader-study arm (5 readers × 40 cases,
 * unaided and aided, seeded; 1 case quarantined), checked against the run's metrics.json read
 * independently of the report code.
 */
class ReaderStudyReportTest {

    private static final String SHA = "0".repeat(64);

    static Path dir;
    static PdfText text;
    static JsonNode rs;
    static Path pdf;
    static Path xlsx;

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @BeforeAll
    static void writeReport() throws Exception {
        dir = TaskReportTest.OUT.resolve("reader-study-run").toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir.resolve("data/dicom"));
        Files.createDirectories(dir.resolve("model"));
        Files.createDirectories(dir.resolve("readers"));
        Files.writeString(dir.resolve("model/descriptor.yaml"), "");
        StringBuilder truth = new StringBuilder("case_id,label\n");
        StringBuilder results =
                new StringBuilder(TaskRunFolders.HEADER + ",model_sha256,dataset_sha256\n");
        for (int i = 0; i < 40; i++) {
            boolean pos = i < 15;
            String id = String.format(Locale.ROOT, "C%04d", i + 1);
            truth.append(id).append(',').append(pos ? 1 : 0).append('\n');
            if (i == 7) continue; // quarantined
            double score = pos ? 0.55 + 0.01 * i : 0.02 * (i - 15);
            results.append(id)
                    .append(",A,GE,F,40-59,")
                    .append(pos ? 1 : 0)
                    .append(',')
                    .append(score)
                    .append(',')
                    .append(score >= 0.5 ? 1 : 0)
                    .append(',')
                    .append(SHA)
                    .append(',')
                    .append(SHA)
                    .append('\n');
        }
        Files.writeString(dir.resolve("data/ground-truth.csv"), truth);
        Files.writeString(dir.resolve("case-results.csv"), results);
        Files.writeString(
                dir.resolve("quarantine.csv"),
                "case_id,input,reason\nC0008,C0008/F1,unreadable pixel data\n");
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder reads = new StringBuilder("reader,case,modality,score\n");
        for (String m : List.of("unaided", "aided")) {
            for (int r = 1; r <= 5; r++) {
                for (int i = 0; i < 40; i++) {
                    double s =
                            40
                                    + (i < 15 ? (m.equals("aided") ? 25 : 14) : 0)
                                    + 15 * random.nextGaussian();
                    reads.append(String.format(Locale.ROOT, "R%d,C%04d,%s,%.1f%n", r, i + 1, m, s));
                }
            }
        }
        Files.writeString(dir.resolve("readers/reads.csv"), reads);
        Files.writeString(dir.resolve("reader-reads.csv"), reads);
        Files.writeString(
                dir.resolve("protocol.yaml"), PROTOCOL.formatted(SHA), StandardCharsets.UTF_8);
        StudyProtocol protocol = ProtocolReader.read(dir.resolve("protocol.yaml"));
        Path file = dir.resolve("case-results.csv");
        StudyResults r = new MetricsAnalysisService().analyse(protocol, file, dir);
        Files.writeString(dir.resolve("manifest.sha256"), SHA + "  data/dicom/case.dcm\n");
        Path out = Files.createDirectories(dir.resolve("reports"));
        List<Path> written =
                new StudyReportService(
                                Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC),
                                "0.1.0-test")
                        .generate(
                                new ReportRequest(
                                        r,
                                        dir.resolve("metrics.json"),
                                        file,
                                        dir.resolve("quarantine.csv"),
                                        dir.resolve("manifest.sha256"),
                                        out));
        pdf = written.get(0);
        xlsx = written.get(1);
        text = PdfText.read(pdf, 40);
        rs = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile()).path("reader_study");
    }

    @Test
    void theReportPrintsTheMrmcSectionWithTheNumbersOfMetricsJson() throws Exception {
        String all = text.all();
        assertThat(all).contains("Reader study (MRMC)");
        String flat = all.replace('\n', ' ');
        assertThat(flat)
                .contains("Design: fully crossed; 5 readers; 14 positive and 25 negative cases.")
                .contains(
                        "Reads: 400 in, 390 analysed, 10 excluded (10 reads of 1 case: case"
                                + " quarantined: unreadable pixel data).");
        JsonNode d = rs.path("difference");
        assertThat(all)
                .contains(
                        "aided \u2212 unaided  ".trim()
                                + " "
                                + f3(d.path("estimate").asDouble())
                                + " "
                                + f3(d.at("/ci/0").asDouble())
                                + " \u2013 "
                                + f3(d.at("/ci/1").asDouble()));
        for (String m : List.of("unaided", "aided")) {
            JsonNode a = rs.at("/auc/" + m);
            assertThat(all)
                    .contains(
                            f3(a.path("estimate").asDouble())
                                    + " "
                                    + f3(a.at("/ci/0").asDouble())
                                    + " \u2013 "
                                    + f3(a.at("/ci/1").asDouble()));
        }
        assertThat(flat).contains("EP2 PASS").contains("reader_auc_difference");
        JsonNode r1 = rs.at("/per_reader/0");
        assertThat(all)
                .contains(
                        "R1 "
                                + f3(r1.path("auc_unaided").asDouble())
                                + " "
                                + f3(r1.path("auc_aided").asDouble()));
        assertThat(all).doesNotContain("NaN");
        assertThat(text.overflows()).isEmpty();
        assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_1_B)).isEmpty();
    }

    @Test
    void theReportPrintsTheReadersSensitivityAndSpecificityOfMetricsJson() throws Exception {
        String all = text.all();
        String flat = all.replace('\n', ' ');
        for (String m : List.of("sensitivity", "specificity")) {
            JsonNode p = rs.path(m);
            assertThat(p.isObject()).as(m).isTrue();
            for (String modality : List.of("unaided", "aided")) {
                JsonNode e = p.at("/estimate/" + modality);
                assertThat(all)
                        .contains(
                                f3(e.path("estimate").asDouble())
                                        + " "
                                        + f3(e.at("/ci/0").asDouble())
                                        + " \u2013 "
                                        + f3(e.at("/ci/1").asDouble()));
            }
            JsonNode d = p.path("difference");
            double pv = d.path("p").asDouble();
            assertThat(all)
                    .contains(
                            "aided \u2212 unaided "
                                    + f3(d.path("estimate").asDouble())
                                    + " "
                                    + f3(d.at("/ci/0").asDouble())
                                    + " \u2013 "
                                    + f3(d.at("/ci/1").asDouble())
                                    + " "
                                    + (pv < 0.001 ? "< 0.001" : f3(pv))
                                    + " "
                                    + String.format(Locale.ROOT, "%.2f", d.path("z").asDouble()));
        }
        assertThat(flat)
                .contains(
                        "Sensitivity of the readers, a read being a positive call when score >= 50")
                .contains("over the reads of the 14 positive cases")
                .contains("over the reads of the 25 negative cases")
                .contains("EP3 PASS")
                .contains("reader_sensitivity_difference");
        assertThat(all).doesNotContain("NaN");
        assertThat(text.overflows()).isEmpty();
    }

    @Test
    void theWorkbookShowsTheReadersSensitivityAndSpecificity() throws Exception {
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("Reader study");
            DataFormatter f = new DataFormatter(Locale.ROOT);
            assertThat(f.formatCellValue(s.getRow(5).getCell(0)))
                    .isEqualTo("Sensitivity (score >= 50)");
            assertThat(f.formatCellValue(s.getRow(6).getCell(0))).isEqualTo("unaided (reference)");
            assertThat(s.getRow(6).getCell(1).getNumericCellValue())
                    .isEqualTo(rs.at("/sensitivity/estimate/unaided/estimate").asDouble());
            assertThat(s.getRow(7).getCell(1).getNumericCellValue())
                    .isEqualTo(rs.at("/sensitivity/estimate/aided/estimate").asDouble());
            assertThat(f.formatCellValue(s.getRow(8).getCell(0))).isEqualTo("aided \u2212 unaided");
            assertThat(s.getRow(8).getCell(2).getNumericCellValue())
                    .isEqualTo(rs.at("/sensitivity/difference/ci/0").asDouble());
            assertThat(s.getRow(8).getCell(4).getNumericCellValue())
                    .isEqualTo(rs.at("/sensitivity/difference/p").asDouble());
            assertThat(s.getRow(8).getCell(5).getNumericCellValue())
                    .isEqualTo(rs.at("/sensitivity/difference/z").asDouble());
            assertThat(f.formatCellValue(s.getRow(10).getCell(0)))
                    .isEqualTo("Specificity (score >= 50)");
            assertThat(s.getRow(13).getCell(1).getNumericCellValue())
                    .isEqualTo(rs.at("/specificity/difference/estimate").asDouble());
        }
    }

    @Test
    void theWorkbookHasAReaderStudySheet() throws Exception {
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("Reader study");
            assertThat(s).isNotNull();
            DataFormatter f = new DataFormatter(Locale.ROOT);
            assertThat(f.formatCellValue(s.getRow(3).getCell(0))).isEqualTo("aided \u2212 unaided");
            assertThat(s.getRow(3).getCell(1).getNumericCellValue())
                    .isEqualTo(rs.at("/difference/estimate").asDouble());
            assertThat(s.getRow(3).getCell(4).getNumericCellValue())
                    .isEqualTo(rs.at("/difference/p").asDouble());
        }
    }

    private static final String PROTOCOL =
            """
            id: READER-1
            title: Reader study report test
            intended_use: Testing the reader-study section
            device:
              name: stand-in
              version: 0.1.0
              model: model/descriptor.yaml
              sha256: "%s"
            dataset:
              dicom: data/dicom
              ground_truth: data/ground-truth.csv
              deidentify: false
            operating_point:
              threshold: 0.5
              rule: ">="
              positive_class: "1"
              direction: higher
            endpoints:
              - id: EP1
                role: primary
                name: Sensitivity
                criterion: {measure: sensitivity, estimate_min: 0.5, ci_method: wilson, level: 0.95}
                verifies: {requirements: [REQ-1]}
              - id: EP2
                role: secondary
                name: Readers with the device are not worse than without it
                criterion: {measure: reader_auc_difference, ci_lower_min: -0.05, level: 0.95}
                verifies: {requirements: [REQ-2], risk_controls: [RC-1]}
              - id: EP3
                role: secondary
                name: Readers with the device find more of the positive cases
                criterion: {measure: reader_sensitivity_difference, ci_lower_min: -0.1, level: 0.95}
                verifies: {requirements: [REQ-2]}
            subgroups:
              attributes: [site]
              min_n_per_class: 5
            statistics:
              ci_method: wilson
              level: 0.95
              bootstrap: {replicates: 200, seed: 7}
            reader_study:
              reads: readers/reads.csv
              unaided: unaided
              aided: aided
              analysis: obuchowski_rockette
              covariance: jackknife
              readers: random
              cases: random
              threshold: 50
            """;
}
