package org.clinval.app.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clinval.app.testing.CliRun;
import org.clinval.common.Sha256;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelFormat;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clinval init} on a phantom study ({@link PhantomStudyWriter}, 40 CT cases, test seed
 * 4_400_101) with the small models of imaging/src/test/python/make_test_models.py (a classifier
 * (batch, 1, 32, 32) → (batch, 2) and a segmenter, as ONNX and TorchScript), then {@code clinval
 * study check} on what it wrote; and every refusal, word for word, with nothing written.
 */
class InitCommandTest {

    @TempDir static Path shared;
    static Path models;
    static PhantomStudy phantom;

    @TempDir Path dir;

    @BeforeAll
    static void fixtures() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Process check =
                new ProcessBuilder(python.toString(), "-c", "import torch, onnx")
                        .redirectErrorStream(true)
                        .start();
        check.getInputStream().readAllBytes();
        assumeTrue(
                check.waitFor(2, TimeUnit.MINUTES) && check.exitValue() == 0,
                "Debian's python3-torch and python3-onnx are not installed");
        models = Path.of("target/init-test-models").toAbsolutePath();
        Process p =
                new ProcessBuilder(
                                python.toString(),
                                "../imaging/src/test/python/make_test_models.py",
                                models.toString())
                        .redirectErrorStream(true)
                        .start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0).as(log).isTrue();
        PhantomGenerator g =
                PhantomGenerator.builder()
                        .setSeed(4_400_101)
                        .setSize(64)
                        .setPrevalence(0.4)
                        .build();
        phantom = PhantomStudyWriter.write(g, 40, shared.resolve("phantom"));
    }

    private CliRun init(Path study, String model, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "init",
                                study.toString(),
                                "--dicom",
                                phantom.dicom().toString(),
                                "--ground-truth",
                                phantom.groundTruth().toString(),
                                "--model",
                                model));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private JsonNode studyCheck(Path protocol) {
        CliRun r =
                CliRun.of(
                        "study",
                        "check",
                        protocol.toString(),
                        "--users",
                        dir.resolve("users.json").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        return r.json();
    }

    private static String onnx() {
        return models.resolve("tiny_classifier.onnx").toString();
    }

    @Test
    void aPhantomStudyAndAnOnnxModelGiveAStudyThatStudyCheckAccepts() throws Exception {
        Path study = dir.resolve("chest-ct 2026");

        CliRun r = init(study, onnx());

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        JsonNode o = r.json();
        Path protocol = study.resolve("protocol.yaml");
        Path descriptor = study.resolve("model/tiny_classifier.yaml");
        Path weights = study.resolve("model/tiny_classifier.onnx");
        assertThat(o.get("id").asText()).isEqualTo("chest-ct-2026");
        assertThat(o.get("protocol").asText()).isEqualTo(protocol.toString());
        assertThat(o.get("descriptor").asText()).isEqualTo(descriptor.toString());
        assertThat(o.get("weights").asText()).isEqualTo(weights.toString());
        assertThat(o.get("features").asText())
                .isEqualTo(study.resolve("features/acceptance.feature").toString());
        assertThat(o.get("next").asText()).isEqualTo("clinval study check " + protocol);
        JsonNode found = o.get("found");
        assertThat(found.get("dicom_images").asLong()).isEqualTo(40);
        assertThat(found.get("modalities").toString()).isEqualTo("{\"CT\":40}");
        assertThat(found.get("positive_class").asText()).isEqualTo("1");
        assertThat(found.get("positive_class_inferred").asBoolean()).isTrue();
        assertThat(found.get("positives").asLong()).isEqualTo(phantom.positives());
        assertThat(found.get("negatives").asLong()).isEqualTo(40 - phantom.positives());
        assertThat(found.get("subgroups").toString())
                .isEqualTo("[\"site\",\"manufacturer\",\"sex\",\"age_band\"]");
        assertThat(found.get("model_input").toString()).isEqualTo("[1,32,32]");
        assertThat(found.get("model_outputs").asInt()).isEqualTo(2);

        // The weights are copied, hashed into the descriptor, whose hash the protocol holds.
        assertThat(Files.readAllBytes(weights)).isEqualTo(Files.readAllBytes(Path.of(onnx())));
        ModelDescriptor d = ModelDescriptor.read(descriptor);
        assertThat(d.format()).isEqualTo(ModelFormat.ONNX);
        assertThat(d.sha256()).contains(Sha256.of(weights));
        StudyProtocol p = ProtocolReader.read(protocol);
        assertThat(p.id()).isEqualTo("chest-ct-2026");
        assertThat(p.device().sha256()).isEqualTo(Sha256.of(descriptor));
        assertThat(p.dataset().dicom()).isEqualTo(phantom.dicom().toRealPath());
        assertThat(p.dataset().deidentify()).isTrue();
        assertThat(p.dataset().modalities()).containsExactly("CT");
        assertThat(p.operatingPoint().positiveClass()).isEqualTo("1");
        assertThat(Files.readString(protocol))
                .contains(
                        "allowed_roots: [\""
                                + phantom.dicom()
                                + "\", \""
                                + phantom.groundTruth().getParent()
                                + "\"]\n");
        // The images are read where they are, never copied.
        try (var files = Files.walk(study)) {
            assertThat(files.filter(f -> f.toString().endsWith(".dcm"))).isEmpty();
        }

        JsonNode check = studyCheck(protocol);
        assertThat(check.get("ok").asBoolean()).isTrue();
        assertThat(check.get("problems").size()).isZero();
        assertThat(check.get("inputs").get("cases").asInt()).isEqualTo(40);
        assertThat(check.get("inputs").get("usable_cases").asInt()).isEqualTo(40);
        assertThat(check.get("cases_to_quarantine").size()).isZero();
    }

    @Test
    void aTorchScriptModelNeedsItsInputSizeAndTakesItWhenGiven() throws Exception {
        Path study = dir.resolve("ts");
        String pt = models.resolve("tiny_classifier.pt").toString();

        CliRun refused = init(study, pt);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err())
                .isEqualTo(
                        "clinval: model file "
                                + pt
                                + " (--model) does not state its input size: give it with"
                                + " --input-size"
                                + " CHANNELS,HEIGHT,WIDTH, e.g. 1,256,256\n"
                                + "clinval: nothing was written (1 problem)\n");
        assertThat(study).doesNotExist();

        CliRun r = init(study, pt, "--input-size", "1,32,32", "--window", "-1350,150");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        ModelDescriptor d = ModelDescriptor.read(study.resolve("model/tiny_classifier.yaml"));
        assertThat(d.format()).isEqualTo(ModelFormat.TORCHSCRIPT);
        assertThat(d.preprocessing().describe().get(0).toString())
                .isEqualTo("{window={lower=-1350.0, upper=150.0}}");
        assertThat(studyCheck(study.resolve("protocol.yaml")).get("ok").asBoolean()).isTrue();
    }

    @Test
    void anExistingDescriptorIsCheckedAndUsedWhereItIs() throws Exception {
        Path first = dir.resolve("first");
        assertThat(init(first, onnx()).exit()).isZero();
        Path descriptor = first.resolve("model/tiny_classifier.yaml");
        Path study = dir.resolve("second");

        CliRun options = init(study, descriptor.toString(), "--window", "0,100");
        assertThat(options.err())
                .isEqualTo(
                        "clinval: --output, --window, --input-size and --positive-index describe a"
                                + " model file; the descriptor "
                                + descriptor
                                + " (--model) already says them\n"
                                + "clinval: nothing was written (1 problem)\n");

        CliRun r = init(study, descriptor.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.json().get("descriptor").asText()).isEqualTo(descriptor.toString());
        assertThat(r.json().has("weights")).isFalse();
        assertThat(study.resolve("model")).doesNotExist();
        assertThat(Files.readString(study.resolve("protocol.yaml")))
                .contains("  model: \"" + descriptor + "\"\n")
                .contains("allowed_roots: [\"" + descriptor.getParent() + "\", ");
        assertThat(studyCheck(study.resolve("protocol.yaml")).get("ok").asBoolean()).isTrue();

        // A descriptor whose weights were replaced fails its own check, named by key.
        Files.write(first.resolve("model/tiny_classifier.onnx"), new byte[] {1, 2, 3});
        CliRun tampered = init(dir.resolve("third"), descriptor.toString());
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.err())
                .startsWith("clinval: " + descriptor + " (--model): line 11, column 9, sha256: '")
                .contains("' is not the SHA-256 of " + first.resolve("model/tiny_classifier.onnx"));
    }

    @Test
    void anEarlierDraftIsOverwrittenOnlyWithForce() throws Exception {
        Path study = dir.resolve("again");
        assertThat(init(study, onnx()).exit()).isZero();
        Path protocol = study.resolve("protocol.yaml");
        Files.writeString(
                protocol, "# edited by the QA team\n", java.nio.file.StandardOpenOption.APPEND);
        String edited = Files.readString(protocol);

        CliRun refused = init(study, onnx());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err())
                .isEqualTo(
                        "clinval: "
                                + study
                                + " already holds protocol.yaml, features/acceptance.feature,"
                                + " model/tiny_classifier.yaml, model/tiny_classifier.onnx: clinval"
                                + " init overwrites an earlier draft only with --force\n"
                                + "clinval: nothing was written (1 problem)\n");
        assertThat(Files.readString(protocol)).isEqualTo(edited);

        CliRun forced = init(study, onnx(), "--force");
        assertThat(forced.exit()).isZero();
        assertThat(Files.readString(protocol)).doesNotContain("# edited by the QA team");
    }

    @Test
    void labelsOtherThanZeroAndOneNeedThePositiveClassAndAFileInsideTheStudyIsNamedRelatively()
            throws Exception {
        Path study = dir.resolve("words");
        Path truth = Files.createDirectories(study.resolve("data")).resolve("truth.csv");
        List<String> lines = Files.readAllLines(phantom.groundTruth());
        List<String> words = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            f[6] = f[6].equals("1") ? "malignant" : "benign";
            words.add(String.join(",", f));
        }
        Files.write(truth, words);
        String[] base = {
            "init",
            study.toString(),
            "--dicom",
            phantom.dicom().toString(),
            "--ground-truth",
            truth.toString(),
            "--model",
            onnx()
        };

        CliRun none = CliRun.of(base);
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err())
                .isEqualTo(
                        "clinval: "
                                + truth
                                + " has the labels 'benign', 'malignant', not exactly 0 and 1: name"
                                + " the positive one with --positive-class\n"
                                + "clinval: nothing was written (1 problem)\n");

        CliRun wrong = CliRun.of(concat(base, "--positive-class", "cancer"));
        assertThat(wrong.err())
                .isEqualTo(
                        "clinval: --positive-class 'cancer' is not a label of "
                                + truth
                                + "; its labels are 'benign', 'malignant'\n"
                                + "clinval: nothing was written (1 problem)\n");

        CliRun r = CliRun.of(concat(base, "--positive-class", "malignant", "--id", "CLV-7"));
        assertThat(r.err()).isEmpty();
        String yaml = Files.readString(study.resolve("protocol.yaml"));
        assertThat(yaml)
                .contains("  ground_truth: \"data/truth.csv\"\n")
                .contains("  positive_class: \"malignant\"\n")
                .contains("allowed_roots: [\"" + phantom.dicom() + "\"]\n");
        assertThat(ProtocolReader.read(study.resolve("protocol.yaml")).id()).isEqualTo("CLV-7");
        assertThat(studyCheck(study.resolve("protocol.yaml")).get("ok").asBoolean()).isTrue();
    }

    @Test
    void everyMissingInputIsNamedOnItsOwnLineAndNothingIsWritten() {
        Path study = dir.resolve("missing");
        Path d = dir.resolve("no-dicom");
        Path g = dir.resolve("no-truth.csv");
        Path m = dir.resolve("no-model.onnx");

        CliRun r =
                CliRun.of(
                        "init",
                        study.toString(),
                        "--dicom",
                        d.toString(),
                        "--ground-truth",
                        g.toString(),
                        "--model",
                        m.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo(
                        "clinval: no such folder: "
                                + d
                                + " (--dicom)\n"
                                + "clinval: no such file: "
                                + g
                                + " (--ground-truth)\n"
                                + "clinval: no such file: "
                                + m
                                + " (--model)\n"
                                + "clinval: nothing was written (3 problems)\n");
        assertThat(study).doesNotExist();
    }

    @Test
    void aFolderWithoutDicomAGroundTruthWithoutLabelsAndAFileThatIsNoModelAreRefused()
            throws Exception {
        Path d = Files.createDirectories(dir.resolve("export"));
        Files.writeString(d.resolve("README.txt"), "images to follow\n");
        Path g = Files.writeString(dir.resolve("truth.csv"), "case_id,diagnosis\ncase-1,1\n");
        Path m = Files.writeString(dir.resolve("weights.onnx"), "not a model\n");
        Path study = dir.resolve("s");

        CliRun r =
                CliRun.of(
                        "init",
                        study.toString(),
                        "--dicom",
                        d.toString(),
                        "--ground-truth",
                        g.toString(),
                        "--model",
                        m.toString());

        assertThat(r.exit()).isEqualTo(1);
        List<String> err = List.of(r.err().split("\n"));
        assertThat(err).hasSize(4);
        assertThat(err.get(0))
                .isEqualTo(
                        "clinval: no DICOM files found in "
                                + d
                                + " (--dicom): its one file does not start with the DICOM preamble"
                                + " (128 bytes, then DICM)");
        assertThat(err.get(1))
                .isEqualTo(
                        "clinval: truth.csv line 1 (--ground-truth): no column 'label'; the columns"
                                + " are: 'case_id', 'diagnosis'");
        assertThat(err.get(2)).startsWith("clinval: cannot open ONNX model file " + m + ": ");
        assertThat(err.get(2)).endsWith(" (--model)");
        assertThat(err.get(3)).isEqualTo("clinval: nothing was written (3 problems)");
        assertThat(study).doesNotExist();
    }

    @Test
    void aSegmenterIsNoClassifierAndAStudyInsideTheImagesIsRefused() {
        String seg = models.resolve("tiny_segmenter.onnx").toString();
        CliRun r = init(dir.resolve("seg"), seg);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: model file "
                                + seg
                                + " (--model) gives an output of shape (1, 1, 32, 32); clinval init"
                                + " drafts studies of classifiers, whose output is (batch, classes)\n"
                                + "clinval: nothing was written (1 problem)\n");

        Path inside = phantom.dicom().resolve("study");
        CliRun in = init(inside, onnx());
        assertThat(in.exit()).isEqualTo(1);
        assertThat(in.err())
                .isEqualTo(
                        "clinval: the study folder "
                                + inside
                                + " lies in the DICOM folder "
                                + phantom.dicom()
                                + " (--dicom), whose every file the study reads as an image: put it"
                                + " beside the images\n"
                                + "clinval: nothing was written (1 problem)\n");
        assertThat(inside).doesNotExist();
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        Path study = dir.resolve("opts");
        assertThat(init(study, onnx(), "--window", "400,-1000").err())
                .startsWith("clinval: --window needs LOW below HIGH: '400,-1000'\n");
        assertThat(init(study, onnx(), "--window", "lung").err())
                .startsWith("clinval: --window takes LOW,HIGH, e.g. -1000,400: 'lung'\n");
        assertThat(init(study, onnx(), "--output", "logits").err())
                .startsWith(
                        "clinval: --output is not one of logit, probability, score: 'logits'\n");
        CliRun size = init(study, onnx(), "--input-size", "2,32,32");
        assertThat(size.exit()).isEqualTo(2);
        assertThat(size.err())
                .isEqualTo(
                        "clinval: --input-size input channels is not 1 or 3: 2\n"
                                + "Run 'clinval init --help' for its options.\n");
        assertThat(init(study, onnx(), "--id", "../up").err())
                .isEqualTo(
                        "clinval: --id '../up' is not a study id: letters, digits, '.', '_' and"
                                + " '-', starting with a letter or digit\n"
                                + "clinval: nothing was written (1 problem)\n");
        assertThat(study).doesNotExist();
    }

    @Test
    void pathsWithQuotesHashesAndColonsStayThePathsTheyAre() throws Exception {
        Path odd = dir.resolve("site \"A\" #1: export");
        Files.createSymbolicLink(odd, phantom.root());
        Path study = dir.resolve("odd");

        CliRun r =
                CliRun.of(
                        "init",
                        study.toString(),
                        "--dicom",
                        odd.resolve("dicom").toString(),
                        "--ground-truth",
                        odd.resolve("truth/ground-truth.csv").toString(),
                        "--model",
                        onnx());

        assertThat(r.err()).isEmpty();
        assertThat(Files.readString(study.resolve("protocol.yaml")))
                .contains("  dicom: \"" + dir + "/site \\\"A\\\" #1: export/dicom\"\n");
        assertThat(studyCheck(study.resolve("protocol.yaml")).get("ok").asBoolean()).isTrue();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
