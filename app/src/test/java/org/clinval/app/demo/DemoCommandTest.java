package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.app.study.Studies;
import org.clinval.app.testing.CliRun;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.reports.pdf.PdfA;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The demo end to end on a small study (80 cases): the whole process runs, and its outputs are
 * checked the way a reviewer would: PDF/A-1b by veraPDF, numbers agreeing between the case results,
 * the PDF and the workbook, no identifying canary in any output, the audit trail verifying, and the
 * same seed giving the same results.
 */
class DemoCommandTest {

    private static final int CASES = 80;
    private static final int SEED = 20261121;

    @TempDir static Path dir;
    private static JsonNode out;
    private static Path run;
    private static String err;

    @BeforeAll
    static void demo() {
        CliRun r =
                CliRun.of(
                        "demo",
                        "--out",
                        dir.resolve("a").toString(),
                        "--cases",
                        Integer.toString(CASES),
                        "--seed",
                        Integer.toString(SEED));
        assertThat(r.exit()).as(r.err()).isIn(0, 3);
        out = r.json();
        run = Path.of(out.get("run").asText());
        err = r.err();
    }

    /**
     * The terminal shows the demo's steps, progress and signatures, and nothing from the libraries:
     * no exception, no stack trace, no native warning, no line repeated (progress lines aside,
     * whose last count may be printed twice). Libtorch's native stderr is not captured in process;
     * QuietProcessTest checks it in a child process.
     */
    @Test
    void theTerminalShowsProgressAndResultsOnly() {
        List<String> lines = err.lines().toList();
        assertThat(err)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("NNPACK");
        assertThat(lines)
                .contains(
                        "clinval demo: [1/4] generating "
                                + CASES
                                + " phantom chest CT cases (seed "
                                + SEED
                                + ")",
                        "clinval demo: [4/4] writing the ISO 14971 risk report and traceability"
                                + " workbook",
                        "clinval demo:   Approve protocol: signed by qa.lead (approved)")
                .anyMatch(l -> l.startsWith("phantoms: cases " + CASES + "/" + CASES))
                .anyMatch(l -> l.startsWith("inference: cases " + CASES + "/" + CASES));
        java.util.Map<String, Long> repeated =
                lines.stream()
                        .filter(
                                l ->
                                        !l.startsWith("phantoms: cases ")
                                                && !l.startsWith("inference: cases "))
                        .collect(
                                java.util.stream.Collectors.groupingBy(
                                        l -> l, java.util.stream.Collectors.counting()));
        assertThat(repeated).allSatisfy((line, n) -> assertThat(n).as(line).isLessThanOrEqualTo(2));
        // Everything else is a demo line, a progress line or the one summary of library logs.
        assertThat(lines)
                .allMatch(
                        l ->
                                l.startsWith("clinval demo: ")
                                        || l.matches("(phantoms|inference): cases \\d+/\\d+ .*")
                                        || l.matches(
                                                "clinval: \\d+ (warning|error).* from libraries; see .*"));
        assertThat(lines.size()).isLessThan(40);
    }

    @Test
    void theWholeStudyRanAndEveryOutputIsThere() {
        assertThat(out.get("state").asText()).isIn("passed", "failed");
        for (String key :
                List.of(
                        "report",
                        "workbook",
                        "case_results",
                        "quarantine",
                        "metrics",
                        "audit_trail",
                        "acceptance_report",
                        "risk_report",
                        "traceability")) {
            assertThat(Path.of(out.get(key).asText())).as(key).isRegularFile();
        }
        assertThat(run.resolve("archive"))
                .isDirectoryContaining(p -> p.toString().endsWith(".zip"));
    }

    @Test
    void theReportsArePdfA1b() throws Exception {
        assertThat(PdfA.failures(Path.of(out.get("report").asText()), PDFAFlavour.PDFA_1_B))
                .isEmpty();
        assertThat(PdfA.failures(Path.of(out.get("risk_report").asText()), PDFAFlavour.PDFA_1_B))
                .isEmpty();
    }

    @Test
    void theCaseResultsThePdfAndTheWorkbookAgree() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(out.get("case_results").asText()));
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            boolean positive = f[5].equals("1"), called = f[7].equals("1");
            if (positive && called) tp++;
            else if (positive) fn++;
            else if (called) fp++;
            else tn++;
        }
        assertThat(tp + fp + tn + fn).isEqualTo(lines.size() - 1);
        String sensitivity = String.format(Locale.ROOT, "%.3f", (double) tp / (tp + fn));
        String specificity = String.format(Locale.ROOT, "%.3f", (double) tn / (tn + fp));

        String pdf;
        try (PDDocument d = Loader.loadPDF(Path.of(out.get("report").asText()).toFile())) {
            pdf = new PDFTextStripper().getText(d);
        }
        assertThat(pdf).contains(tp + " (TP)", fp + " (FP)", tn + " (TN)", fn + " (FN)");
        assertThat(pdf).contains(sensitivity, specificity);
        assertThat(pdf).doesNotContain("NaN");

        try (InputStream in = Files.newInputStream(Path.of(out.get("workbook").asText()));
                Workbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Cases").getLastRowNum()).isEqualTo(lines.size() - 1);
            // Metrics: endpoint rows are (id, name, measure, role, estimate, lower, upper, …).
            int checked = 0;
            for (Row row : wb.getSheet("Metrics")) {
                Cell id = row.getCell(0);
                if (id == null || row.getCell(2) == null) continue;
                String measure = row.getCell(2).toString();
                if (measure.equals("sensitivity")) {
                    assertThat(row.getCell(4).getNumericCellValue())
                            .as(id.toString())
                            .isEqualTo((double) tp / (tp + fn));
                } else if (measure.equals("specificity")) {
                    assertThat(row.getCell(4).getNumericCellValue())
                            .as(id.toString())
                            .isEqualTo((double) tn / (tn + fp));
                }
            }
        }
    }

    @Test
    void noIdentifyingCanaryReachesAnyOutput() throws Exception {
        List<String> canaries = new ArrayList<>();
        PhantomGenerator g =
                PhantomGenerator.builder().setSeed(SEED).setSize(256).setPrevalence(0.3).build();
        for (int i = 0; i < CASES; i++) canaries.addAll(g.generateCase(i).canaries());
        List<Path> outputs = new ArrayList<>();
        try (Stream<Path> s =
                Stream.concat(
                        Files.walk(run),
                        Files.walk(Path.of(out.get("risk_report").asText()).getParent()))) {
            s.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(run.resolve("engine")))
                    .forEach(outputs::add);
        }
        assertThat(outputs).hasSizeGreaterThan(CASES);
        for (Path f : outputs) {
            for (String text : texts(f)) {
                for (String canary : canaries) {
                    assertThat(org.clinval.app.testing.Canaries.contains(text, canary))
                            .as("%s holds the canary %s", f, canary)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void documentsAreWrittenBesideTheSealedRunFromRecordsThatVerify() throws Exception {
        String key = out.get("public_key").asText();
        for (String kind : List.of("510k", "model-card", "mdr-cer", "claim")) {
            CliRun r =
                    CliRun.of(
                            "docs",
                            "generate",
                            "--run",
                            run.toString(),
                            "--kind",
                            kind,
                            "--public-key",
                            key);
            assertThat(r.exit()).as(r.err()).isZero();
            Path docx = Path.of(r.json().get("docx").asText());
            assertThat(docx).exists();
            assertThat(docx.getParent()).isEqualTo(run.resolveSibling(run.getFileName() + "-docs"));
            // Its PDF/A-1b rendition beside it passes veraPDF.
            Path pdf = Path.of(r.json().get("pdf").asText());
            assertThat(pdf.getParent()).isEqualTo(docx.getParent());
            assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_1_B)).as(kind).isEmpty();
        }
        // With the demo site's dataset ledger, the 510(k) section says how often the test set
        // was used: once locked and once scored, by the demo model.
        Path ledger = Path.of(out.get("users").asText()).resolveSibling("ledger");
        CliRun withLedger =
                CliRun.of(
                        "docs",
                        "generate",
                        "--run",
                        run.toString(),
                        "--public-key",
                        key,
                        "--ledger",
                        ledger.toString(),
                        "--out",
                        dir.resolve("with-ledger").toString());
        assertThat(withLedger.exit()).as(withLedger.err()).isZero();
        try (var d =
                        new org.apache.poi.xwpf.usermodel.XWPFDocument(
                                Files.newInputStream(
                                        Path.of(withLedger.json().get("docx").asText())));
                var x = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(d)) {
            // Every line of the ledger file is one access (this class runs the demo more than
            // once on the same test set, and each run locks it and scores it).
            Path file;
            try (Stream<Path> s = Files.list(ledger)) {
                file = s.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            }
            long lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
            assertThat(lines).isGreaterThanOrEqualTo(2);
            assertThat(x.getText())
                    .contains(
                            "verified with the site key, records "
                                    + lines
                                    + " accesses to this test set")
                    .contains("clinval demo nodule classifier 1.0.0 (" + lines + " accesses)");
        }
        // The run folder is untouched: it still verifies.
        CliRun verify = CliRun.of("audit", "verify", run.toString(), "--public-key", key);
        assertThat(verify.exit()).as(verify.out()).isZero();
        // A copy whose metrics were changed after the seal yields no document.
        Path copy = dir.resolve("forged-run");
        try (Stream<Path> s = Files.walk(run)) {
            for (Path p : s.toList()) {
                Path t = copy.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        String m = Files.readString(copy.resolve("metrics.json"));
        Files.writeString(copy.resolve("metrics.json"), m.replace("0.9", "0.99"));
        CliRun forged =
                CliRun.of("docs", "generate", "--run", copy.toString(), "--public-key", key);
        assertThat(forged.exit()).isNotZero();
        assertThat(forged.err()).contains("do not verify, so no document is written");
        assertThat(copy.resolveSibling("forged-run-docs")).doesNotExist();
    }

    /** The file as text (Latin-1 keeps every byte), and every entry of a zip archive. */
    private static List<String> texts(Path f) throws IOException {
        List<String> texts = new ArrayList<>();
        if (!f.toString().endsWith(".zip")) {
            texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            return texts;
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(f))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                texts.add(new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return texts;
    }

    private static JsonNode verify(Path runDir, Path publicKey) {
        CliRun r =
                CliRun.of(
                        "audit", "verify", runDir.toString(), "--public-key", publicKey.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(r.json().get("ok").asBoolean() ? 0 : 1);
        return r.json();
    }

    private static void flipLastByte(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        b[b.length - 1] ^= 1;
        Files.write(f, b);
    }

    @Test
    void theSealedRunVerifiesWithTheExportedPublicKeyWhereverItIsCopied() throws Exception {
        assertThat(out.get("records_verified").asBoolean()).isTrue();
        Path publicKey = Path.of(out.get("public_key").asText());
        assertThat(Path.of(out.get("keystore").asText())).isRegularFile();
        assertThat(Path.of(out.get("keystore").asText()).startsWith(run)).isFalse();
        // In place, with the case key beside the run folder: every locked image is checked too.
        JsonNode here = verify(run, publicKey);
        assertThat(here.get("ok").asBoolean()).as(here.toString()).isTrue();
        assertThat(here.get("inputs").asInt()).isGreaterThan(CASES);
        assertThat(here.get("notes")).isEmpty();
        // Another checkout holds the run folder only: its records verify; the images are not there.
        Path copy = dir.resolve("another-checkout/run");
        copyTree(run, copy);
        JsonNode v = verify(copy, publicKey);
        assertThat(v.get("first_bad").isNull()).as(v.toString()).isTrue();
        assertThat(v.get("ok").asBoolean()).isTrue();
        assertThat(v.get("sealed").asBoolean()).isTrue();
        assertThat(v.get("signatures").asInt()).isEqualTo(2);
        assertThat(v.get("notes").toString()).contains("images not checked here: their case key");
        assertThat(copy.resolve("run-manifest.sha256")).isRegularFile();

        Path other = dir.resolve("other-site.pub.json");
        Files.writeString(other, SiteKey.generate().publicKey().toJson());
        JsonNode foreign = verify(copy, other).get("first_bad");
        assertThat(foreign.get("kind").asText()).isEqualTo("key");
        assertThat(foreign.get("problem").asText())
                .startsWith("the run is signed with key " + v.get("key_id").asText() + ", but");
    }

    @Test
    void eachByteChangedInTheRunOrItsInputsIsNamed() throws Exception {
        Path publicKey = Path.of(out.get("public_key").asText());
        String zip = "archive/" + out.get("study").asText() + ".zip";
        Path dicom;
        try (Stream<Path> s = Files.walk(dir.resolve("a/data/dicom"))) {
            dicom = s.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
        Path image = dicom.toAbsolutePath().normalize();
        List<Path> files =
                List.of(
                        run.resolve("metrics.json"),
                        run.resolve("reports/" + Studies.REPORT_PDF),
                        run.resolve(zip),
                        run.resolve("protocol.yaml"),
                        run.resolve("manifest.sha256"),
                        image);
        List<String> names =
                List.of(
                        "metrics.json",
                        "reports/" + Studies.REPORT_PDF,
                        zip,
                        "protocol.yaml",
                        "manifest.sha256",
                        "dataset-inventory.csv");
        for (int i = 0; i < files.size(); i++) {
            flipLastByte(files.get(i));
            try {
                JsonNode bad = verify(run, publicKey);
                assertThat(bad.get("ok").asBoolean()).as(names.get(i)).isFalse();
                assertThat(bad.get("first_bad").get("kind").asText())
                        .as(names.get(i))
                        .isEqualTo("file");
                assertThat(bad.get("first_bad").get("what").asText()).isEqualTo(names.get(i));
            } finally {
                flipLastByte(files.get(i));
            }
        }
        Path added = run.resolve("reports/late-note.txt");
        Files.writeString(added, "added after the seal\n");
        try {
            JsonNode bad = verify(run, publicKey).get("first_bad");
            assertThat(bad.get("kind").asText()).isEqualTo("seal");
            assertThat(bad.get("what").asText()).isEqualTo("reports/late-note.txt");
            assertThat(bad.get("problem").asText())
                    .isEqualTo(
                            "reports/late-note.txt was added after the seal (run-manifest.sha256)");
        } finally {
            Files.delete(added);
        }
        assertThat(verify(run, publicKey).get("ok").asBoolean()).isTrue();
    }

    @Test
    void anEditedAuditEntryIsNamed() throws Exception {
        Path copy = dir.resolve("edited");
        copyTree(run, copy);
        Path trail = copy.resolve("audit-trail.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(trail));
        int signed = 0;
        while (!lines.get(signed).contains("\"user\":\"qa.lead\"")) signed++;
        lines.set(signed, lines.get(signed).replace("qa.lead", "qa.other"));
        Files.write(trail, lines);
        JsonNode bad = verify(copy, Path.of(out.get("public_key").asText())).get("first_bad");
        assertThat(bad.get("kind").asText()).isEqualTo("entry");
        assertThat(bad.get("what").asText()).isEqualTo("entry " + (signed + 1));
    }

    @Test
    void theSameSeedGivesTheSameCaseResultsAndNumbers() throws Exception {
        CliRun again =
                CliRun.of(
                        "demo",
                        "--out",
                        dir.resolve("b").toString(),
                        "--cases",
                        Integer.toString(CASES),
                        "--seed",
                        Integer.toString(SEED));
        JsonNode o = again.json();
        Path run2 = Path.of(o.get("run").asText());
        assertThat(Files.readAllLines(run2.resolve("case-results.csv")))
                .isEqualTo(Files.readAllLines(run.resolve("case-results.csv")));
        JsonNode m1 = CliRun.json(Files.readString(run.resolve("metrics.json")));
        JsonNode m2 = CliRun.json(Files.readString(run2.resolve("metrics.json")));
        assertThat(m2.get("endpoints")).isEqualTo(m1.get("endpoints"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
