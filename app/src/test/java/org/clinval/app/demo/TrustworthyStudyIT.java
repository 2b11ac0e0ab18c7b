package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's study with one bad input of each kind and PHI in folder names, file names, headers and
 * text, run end to end through the real services (Camunda, PixelMed, Flink, DJL, Cucumber, Jasper,
 * POI): {@code study check} lists every bad case before anyone signs, the run completes, every case
 * is counted once, no canary reaches any output, and the records verify with the site's public key.
 */
class TrustworthyStudyIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir Path dir;

    private static void addBadCases(StudySite site, Path extra) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 (Debian) is not installed");
        Process p =
                new ProcessBuilder(
                                PYTHON.toString(),
                                "src/test/python/add_bad_cases.py",
                                site.phantoms.dicom().toString(),
                                site.phantoms.groundTruth().toString(),
                                extra.toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void badInputsAreListedBeforeTheSignatureQuarantinedOnceAndNoCanaryLeaks() throws Exception {
        StudySite site = StudySite.create(dir.resolve("study"), 60, 424242);
        Path extra =
                org.clinval.imaging.phantom.PhantomStudyWriter.write(
                                org.clinval.imaging.phantom.PhantomGenerator.builder()
                                        .setSeed(99)
                                        .setSize(256)
                                        .setPrevalence(0.5)
                                        .build(),
                                6,
                                dir.resolve("extra"))
                        .dicom();
        addBadCases(site, extra);

        // 1. Before anyone signs: every problem case is listed, and nothing blocks the study.
        CliRun check = CliRun.of(site.args("study", "check", site.protocol.toString()));
        assertThat(check.exit()).as(check.err()).isZero();
        JsonNode c = check.json();
        assertThat(c.path("ok").asBoolean()).isTrue();
        Map<String, String> bySource = new HashMap<>();
        for (JsonNode q : c.path("cases_to_quarantine")) {
            bySource.put(q.path("source").asText(), q.path("reason").asText());
        }
        assertThat(bySource)
                .containsOnlyKeys(
                        "bad-empty",
                        "bad-text",
                        "bad-preamble",
                        "bad-jpegls",
                        "bad-jpeg12",
                        "bad-burned-in",
                        "bad-modality",
                        "bad-duplicate",
                        "case-0001",
                        "bad-two-images",
                        "case-0002");
        assertThat(bySource.get("bad-empty")).endsWith("/F1: empty file (0 bytes)");
        assertThat(bySource.get("bad-text")).contains("not a DICOM file");
        assertThat(bySource.get("bad-preamble")).contains("a DICOM preamble and nothing else");
        assertThat(bySource.get("bad-jpegls"))
                .contains("pixel data cannot be decoded")
                .contains("JPEG-LS");
        assertThat(bySource.get("bad-jpeg12"))
                .contains("pixel data cannot be decoded")
                .contains("1.2.840.10008.1.2.4.51");
        assertThat(bySource.get("bad-burned-in")).contains("Burned In Annotation (0028,0301)");
        assertThat(bySource.get("bad-modality")).contains("modality MR; the protocol accepts CT");
        assertThat(bySource.get("bad-duplicate")).contains("the same image as another case's");
        assertThat(bySource.get("case-0001")).contains("the same image as another case's");
        assertThat(bySource.get("bad-two-images")).contains("2 images (F1, F2)");
        assertThat(bySource.get("case-0002")).contains("2 ground-truth rows");
        int cases = c.path("inputs").path("cases").asInt();
        assertThat(cases).isEqualTo(60 + 11); // the duplicated ground-truth row adds no case

        // 2. The run: approve, infer, analyse, report, sign off or record the deviation.
        Path run = dir.resolve("study/runs/TRUST-1");
        CliRun start =
                CliRun.of(
                        site.args(
                                "study", "run", site.protocol.toString(), "--out", run.toString()));
        assertThat(start.exit()).as(start.err()).isZero();
        assertThat(Files.readString(run.resolve("approval-record.json")))
                .contains("\"cases_to_quarantine\" : 11");
        drive(site, run);

        // 3. Every case once: results + quarantined = cases in, no case twice.
        List<String> results = column(run.resolve("case-results.csv"));
        List<String> quarantined = column(run.resolve("quarantine.csv"));
        assertThat(results.size() + quarantined.size()).isEqualTo(cases);
        Set<String> all = new HashSet<>(results);
        all.addAll(quarantined);
        assertThat(all).hasSize(cases);
        assertThat(quarantined).hasSize(11);

        // 4. No canary anywhere: file names, file bytes, zip entries, DICOM written by the suite.
        List<String> canaries = new ArrayList<>(site.phantoms.canaries());
        canaries.addAll(
                List.of(
                        "DOE^JANE",
                        "19500101",
                        "CANARY-MEANING",
                        "MUELLER",
                        "M\u00fcller",
                        "J\u00fcrgen",
                        "case-00"));
        // The bad cases' folder names in full, not the prefix "bad-": "bad-" is also hexadecimal
        // text followed by a hyphen, which the random ids of the acceptance report hold by chance
        // (a UUID group ending in "bad"); every full name holds letters no hex id has.
        bySource.keySet().stream().filter(k -> k.startsWith("bad-")).forEach(canaries::add);
        assertThat(canaries).contains("bad-empty", "bad-two-images");
        assertNoCanary(run, canaries);
        // The search finds what it looks for: the inputs are full of canaries.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> assertNoCanary(site.phantoms.dicom(), canaries))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("canary");

        // 5. The records verify with the exported public key.
        CliRun verify =
                CliRun.of(
                        "audit",
                        "verify",
                        run.toString(),
                        "--public-key",
                        site.publicKey.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.json().path("ok").asBoolean()).isTrue();
    }

    /** Signs every waiting task until the study ends. */
    static void drive(StudySite site, Path run) throws Exception {
        for (int guard = 0; guard < 6; guard++) {
            CliRun list = CliRun.of(site.args("task", "list", "--run", run.toString()));
            assertThat(list.exit()).as(list.err()).isZero();
            JsonNode tasks = list.json().path("tasks");
            if (tasks.isEmpty()) {
                return;
            }
            JsonNode t = tasks.get(0);
            boolean lead = t.path("candidate_group").asText().equals("qa-lead");
            String meaning = lead ? "approved" : "reviewed";
            List<String> args =
                    new ArrayList<>(
                            List.of(
                                    "task",
                                    "complete",
                                    t.path("id").asText(),
                                    "--run",
                                    run.toString(),
                                    "--user",
                                    lead ? StudySite.LEAD : StudySite.REVIEWER,
                                    "--meaning",
                                    meaning,
                                    "--password-file",
                                    site.password.toString(),
                                    "--reason",
                                    "end-to-end test"));
            CliRun done = CliRun.of(site.args(args.toArray(String[]::new)));
            assertThat(done.exit()).as(done.out() + done.err()).isZero();
        }
    }

    static List<String> column(Path csv) throws Exception {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String l : lines.subList(1, lines.size())) {
            out.add(l.substring(0, l.indexOf(',')));
        }
        return out;
    }

    /** Fails naming the file (or zip entry) where a canary appears, in UTF-8 or Latin-1. */
    static void assertNoCanary(Path run, List<String> canaries) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(run)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String name = run.relativize(f).toString();
            if (name.startsWith("engine/") || name.equals("clinval.log")) {
                continue; // the process engine's state and the library log are not records
            }
            check(name, name.getBytes(StandardCharsets.UTF_8), canaries);
            byte[] bytes = Files.readAllBytes(f);
            check(name, bytes, canaries);
            if (name.endsWith(".pdf")) {
                try (org.apache.pdfbox.pdmodel.PDDocument pdf =
                        org.apache.pdfbox.Loader.loadPDF(f.toFile())) {
                    String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                    check(name + " (text)", text.getBytes(StandardCharsets.UTF_8), canaries);
                }
            }
            if (name.endsWith(".zip") || name.endsWith(".xlsx") || name.endsWith(".docx")) {
                try (InputStream in = Files.newInputStream(f);
                        ZipInputStream z = new ZipInputStream(in)) {
                    for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                        check(
                                name + "!" + e.getName(),
                                e.getName().getBytes(StandardCharsets.UTF_8),
                                canaries);
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        z.transferTo(b);
                        check(name + "!" + e.getName(), b.toByteArray(), canaries);
                    }
                }
            }
        }
    }

    private static void check(String where, byte[] bytes, List<String> canaries) {
        String utf8 = new String(bytes, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        String latin1 =
                new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        for (String c : canaries) {
            String k = c.toLowerCase(java.util.Locale.ROOT);
            assertThat(
                            org.clinval.app.testing.Canaries.contains(utf8, k)
                                    || org.clinval.app.testing.Canaries.contains(latin1, k))
                    .as("canary '" + c + "' in " + where)
                    .isFalse();
        }
    }
}
