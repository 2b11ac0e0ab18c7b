package org.clinval.features.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clinval.common.Sha256;
import org.clinval.streaming.GroundTruth;
import org.clinval.streaming.InferenceRun;
import org.clinval.streaming.JobSettings;
import org.clinval.streaming.Preprocessor;
import org.clinval.streaming.RejectedInput;
import org.clinval.streaming.ScorerFactory;
import org.clinval.streaming.function.CsvLines;
import org.clinval.streaming.function.ParseManifest;
import org.clinval.streaming.imaging.DicomCaseLoader;
import org.clinval.validation.ThresholdRule;

/**
 * SRS-005 and the outputs of SRS-003 over the streaming-inference job (an in-process MiniCluster at
 * parallelism 2) reading phantom DICOM with the real loader. The scorer is a fixed function of the
 * pixels: the job, not a model, is under test.
 */
public final class InferenceSteps {

    /** The pixels of a 64×64 image; any other size is rejected. */
    static final Preprocessor PIXELS =
            image -> {
                if (image.rows() != 64 || image.columns() != 64) {
                    throw new RejectedInput(
                            image.file()
                                    + ": image is "
                                    + image.rows()
                                    + "x"
                                    + image.columns()
                                    + ", the model takes 64x64");
                }
                return image.pixels();
            };

    /** Share of pixels denser than -400 HU. */
    static final ScorerFactory DENSITY =
            () ->
                    new ScorerFactory.Scorer() {
                        @Override
                        public double score(float[] input) {
                            int dense = 0;
                            for (float v : input) if (v > -400) dense++;
                            return dense / (double) input.length;
                        }

                        @Override
                        public void close() {}
                    };

    private final PhantomWorld world;
    private final List<String> manifest = new ArrayList<>(List.of(ParseManifest.HEADER));
    private List<GroundTruth> truth;
    private final List<String> bad = new ArrayList<>();

    private static String line(String caseId, String file, String sha) {
        return CsvLines.line(caseId, caseId + "/F1", file, sha, "", "");
    }

    public InferenceSteps(PhantomWorld world) {
        this.world = world;
    }

    private void goodCases() throws IOException {
        if (truth != null) return;
        truth = new ArrayList<>(world.truth());
        for (GroundTruth t : truth) {
            Path f = world.images.resolve(t.caseId()).resolve("IM001.dcm");
            manifest.add(line(t.caseId(), world.images.relativize(f).toString(), Sha256.of(f)));
        }
    }

    @Given("the case manifest lists every case of the study and these bad inputs:")
    public void badInputs(DataTable table) throws Exception {
        goodCases();
        for (Map<String, String> row : table.asMaps()) {
            String id = row.get("case");
            bad.add(id);
            switch (row.get("input")) {
                case "a file that is not DICOM" -> {
                    Path junk =
                            Files.writeString(
                                    world.images.resolve("junk.dcm"), "this is not a DICOM file");
                    manifest.add(line(id, "junk.dcm", Sha256.of(junk)));
                    truth.add(new GroundTruth(id, "A", "F", "60-74", 0));
                }
                case "an image changed since the lock" -> {
                    Path f = world.images.resolve("case-0001/IM001.dcm");
                    manifest.add(line(id, world.images.relativize(f).toString(), "0".repeat(64)));
                    truth.add(new GroundTruth(id, "B", "M", "40-59", 0));
                }
                case "an image that does not exist" -> {
                    manifest.add(line(id, "nowhere/IM001.dcm", "1".repeat(64)));
                    truth.add(new GroundTruth(id, "C", "F", "75+", 1));
                }
                case "a case of the ground truth without an image" ->
                        truth.add(new GroundTruth(id, "C", "M", "75+", 1));
                default ->
                        throw new IllegalArgumentException(
                                "unknown bad input: " + row.get("input"));
            }
        }
    }

    @When("the inference job runs over the case manifest")
    public void run() throws Exception {
        goodCases();
        Path file =
                Files.write(
                        world.suite.dir().resolve("manifest.csv"),
                        manifest,
                        StandardCharsets.UTF_8);
        world.inference =
                InferenceRun.run(
                        file,
                        truth,
                        world.suite.dir().resolve("run"),
                        new DicomCaseLoader(world.images, List.of("CT")),
                        PIXELS,
                        DENSITY,
                        new JobSettings(
                                2,
                                0.2,
                                ThresholdRule.GE,
                                "a".repeat(64),
                                "b".repeat(64),
                                Duration.ofMillis(200)),
                        null);
    }

    @Then("every case in is a result or quarantined, none twice")
    public void accountedFor() throws Exception {
        var s = world.inference;
        assertThat(s.casesIn()).isEqualTo(s.results() + s.quarantined());
        List<String> results = ids(s.caseResults());
        List<String> quarantined = new ArrayList<>(quarantine().keySet());
        assertThat(results).doesNotHaveDuplicates().doesNotContainAnyElementsOf(quarantined);
        assertThat(results.size() + quarantined.size()).isEqualTo(s.casesIn());
    }

    @Then("each bad input is quarantined with a reason that says:")
    public void reasons(DataTable table) throws Exception {
        Map<String, String> q = quarantine();
        assertThat(q.keySet()).containsAll(bad);
        for (Map<String, String> row : table.asMaps()) {
            assertThat(q.get(row.get("case"))).as(row.get("case")).contains(row.get("reason"));
        }
        assertThat(q.values()).allMatch(r -> !r.isBlank());
        assertThat(ids(world.inference.caseResults())).doesNotContainAnyElementsOf(bad);
    }

    @Then("no identifying value of the inputs appears in the case results or the quarantine list")
    public void noCanaryInOutputs() throws Exception {
        assertThat(world.inference.results()).isEqualTo(world.study.cases());
        for (Path f : List.of(world.inference.caseResults(), world.inference.quarantine())) {
            assertThat(world.canariesIn(f)).as(f.toString()).isEmpty();
        }
    }

    private static List<String> ids(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        for (CSVRecord r : records(csv)) out.add(r.get("case_id"));
        return out;
    }

    private Map<String, String> quarantine() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (CSVRecord r : records(world.inference.quarantine()))
            out.put(r.get("case_id"), r.get("reason"));
        return out;
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)
                    .getRecords();
        }
    }
}
