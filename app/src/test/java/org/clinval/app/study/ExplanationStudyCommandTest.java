package org.clinval.app.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.app.testing.CliRun;
import org.clinval.imaging.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CT classification study that asks for explanations, run through the CLI: the phantom's nodule
 * SEG files are the lesion masks; after the approval the study writes the maps of the drawn cases,
 * {@code explanations.csv}, the {@code explanations} section of {@code metrics.json} (checked
 * against scipy), the report's explanations section and the workbook's sheet.
 */
class ExplanationStudyCommandTest {

    @TempDir Path dir;

    @Test
    void aStudyWithExplanationsWritesScoredMapsMetricsReportAndWorkbook() throws Exception {
        SiteFixture site = SiteFixture.init(dir.resolve("site"));
        org.clinval.imaging.phantom.PhantomStudyWriter.write(
                org.clinval.imaging.phantom.PhantomGenerator.builder()
                        .setSeed(47)
                        .setSize(256)
                        .setPrevalence(0.5)
                        .build(),
                16,
                dir.resolve("data"));
        Path model = Files.createDirectories(dir.resolve("model"));
        String folder = org.clinval.imaging.model.BuiltInModel.NODULE_CLASSIFIER.resourceFolder();
        for (String name : List.of("descriptor.yaml", "nodule-classifier.params")) {
            try (var in = getClass().getResourceAsStream(folder + name)) {
                Files.copy(in, model.resolve(name));
            }
        }
        String sha = org.clinval.common.Sha256.of(model.resolve("descriptor.yaml"));
        Path protocol = dir.resolve("protocol.yaml");
        Files.writeString(
                protocol,
                String.join(
                        "\n",
                        List.of(
                                "id: XAI-1",
                                "title: Nodule classifier with explanation maps",
                                "intended_use: u",
                                "device: {name: d, version: '1', model: model/descriptor.yaml,"
                                        + " sha256: \""
                                        + sha
                                        + "\"}",
                                "dataset: {dicom: data/dicom, ground_truth:"
                                        + " data/truth/ground-truth.csv, deidentify: true,"
                                        + " reference_masks: data/truth/seg}",
                                "operating_point: {threshold: 0.5, rule: '>=', positive_class: '1',"
                                        + " direction: higher}",
                                "endpoints:",
                                "  - id: EP1",
                                "    role: primary",
                                "    name: sensitivity",
                                "    criterion: {measure: sensitivity, estimate_min: 0.5,"
                                        + " ci_method: wilson, level: 0.95}",
                                "    verifies: {requirements: [REQ-1]}",
                                "subgroups: {attributes: [site], min_n_per_class: 5}",
                                "statistics: {ci_method: wilson, level: 0.95, bootstrap:"
                                        + " {replicates: 200, seed: 1}}",
                                "explanations:",
                                "  method: grad-cam",
                                "  cases: [false-negatives, false-positives, true-positives]",
                                "  per_kind: 4",
                                "  seed: 20261205",
                                "")),
                StandardCharsets.UTF_8);
        assertThat(
                        site.asAdmin(
                                        "user",
                                        "add",
                                        "lee",
                                        "--name",
                                        "Lee Lead",
                                        "--group",
                                        "qa-lead",
                                        "--password-file",
                                        site.password.toString())
                                .exit())
                .isZero();
        Path runDir = dir.resolve("run");
        CliRun start = site.run("study", "run", protocol.toString(), "--out", runDir.toString());
        assertThat(start.exit()).as(start.err()).isZero();
        JsonNode list =
                new ObjectMapper()
                        .readTree(site.run("task", "list", "--run", runDir.toString()).out());
        String id = list.get("tasks").get(0).get("id").asText();
        CliRun done =
                site.run(
                        "task",
                        "complete",
                        id,
                        "--user",
                        "lee",
                        "--meaning",
                        "approved",
                        "--password-file",
                        site.password.toString(),
                        "--run",
                        runDir.toString());
        assertThat(done.exit()).as(done.err()).isZero();

        Path csv = runDir.resolve("explanations.csv");
        assertThat(csv).isRegularFile();
        System.out.println(Files.readString(csv));
        JsonNode metrics = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile());
        JsonNode e = metrics.get("explanations");
        System.out.println(e.toPrettyString());
        assertThat(e.get("method").asText()).isEqualTo("grad-cam");
        // Reference call: /usr/bin/python3 src/test/python/explanation_metrics.py
        // explanations.csv 0.95 (scipy 1.17.1: binomtest(k, n).proportion_ci(0.95, 'exact'),
        // stats.t.interval)
        JsonNode ref =
                new ObjectMapper()
                        .readTree(Python.run("explanation_metrics.py", csv.toString(), "0.95"));
        JsonNode pg = e.get("pointing_game");
        assertThat(pg.get("hits").asInt()).isEqualTo(ref.get("hits").asInt());
        assertThat(pg.get("trials").asInt()).isEqualTo(ref.get("trials").asInt()).isPositive();
        assertThat(pg.get("rate").asDouble()).isCloseTo(ref.get("rate").asDouble(), within(1e-12));
        for (int i = 0; i < 2; i++) {
            assertThat(pg.get("ci").get(i).asDouble())
                    .isCloseTo(ref.get("ci").get(i).asDouble(), within(1e-9));
        }
        JsonNode energy = e.get("energy_in_mask");
        assertThat(energy.get("defined").asInt()).isEqualTo(ref.get("energy_n").asInt());
        if (ref.has("energy_mean")) {
            assertThat(energy.get("mean").asDouble())
                    .isCloseTo(ref.get("energy_mean").asDouble(), within(1e-12));
            for (int i = 0; i < 2; i++) {
                assertThat(energy.get("ci").get(i).asDouble())
                        .isCloseTo(ref.get("energy_ci").get(i).asDouble(), within(1e-9));
            }
        }

        Path pdf;
        try (var files = Files.walk(runDir)) {
            pdf =
                    files.filter(p -> p.getFileName().toString().equals("validation-report.pdf"))
                            .findFirst()
                            .orElseThrow();
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Explanation maps", "All drawn cases", "Method: Grad-CAM")
                    .contains("Clopper\u2013Pearson");
        }
        System.out.println("report: " + pdf);
        assertThat(
                        org.clinval.reports.pdf.PdfA.failures(
                                pdf, org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_1_B))
                .isEmpty();
        Path xlsx = pdf.resolveSibling("validation-workbook.xlsx");
        if (Files.exists(xlsx)) {
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
                var sheet = wb.getSheet("Explanations");
                assertThat(sheet).isNotNull();
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                        .isEqualTo(e.get("maps").get(0).get("case_id").asText());
            }
        }
        // Keep the report for a look at its pages.
        Path keep = Path.of("target", "explanation-study-report.pdf");
        Files.copy(pdf, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
