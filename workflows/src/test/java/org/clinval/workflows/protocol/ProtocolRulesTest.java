package org.clinval.workflows.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol's rules as a user and an attacker meet them: every problem is reported together, as
 * data, with its line, column and path, before anything runs.
 */
class ProtocolRulesTest {

    @TempDir Path dir;
    @TempDir Path outside;

    private Path protocol;

    private List<String> problems(String from, String to) throws Exception {
        protocol = StudyFixture.in(dir).write();
        Files.writeString(protocol, Files.readString(protocol).replace(from, to));
        return ProtocolReader.check(protocol).stream()
                .map(p -> p.where() + ": " + p.what())
                .toList();
    }

    @Test
    void aValidProtocolHasNoProblem() throws Exception {
        assertThat(problems("", "")).isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        assertThat(p.dataset().modalities()).containsExactly("CT");
        assertThat(p.dataset().allowBurnedInAnnotation()).isFalse();
        assertThat(p.separationOfDuties().allowOneUserBothRoles()).isFalse();
    }

    @Test
    void aDuplicateKeyIsNamedWithBothPlaces() throws Exception {
        assertThat(problems("  rule: \">=\"\n", "  rule: \">=\"\n  threshold: 0.7\n"))
                .containsExactly(
                        "protocol.yaml line 16, column 3, operating_point.threshold: is a duplicate"
                                + " key; the first is at line 14, column 3");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() throws Exception {
        assertThat(problems("  deidentify: false\n", "  deidentify: false\n  deidentfy: true\n"))
                .containsExactly(
                        "protocol.yaml line 13, column 3, dataset.deidentfy: is not a known key"
                                + " (known: dicom, ground_truth, deidentify,"
                                + " allow_burned_in_annotation, modalities,"
                                + " reference_masks, lesions)");
    }

    @Test
    void aWrongTypeIsNamed() throws Exception {
        assertThat(problems("  min_n_per_class: 5", "  min_n_per_class: five"))
                .containsExactly(
                        "protocol.yaml line 43, column 20, subgroups.min_n_per_class: 'five' is not"
                                + " a whole number");
    }

    @Test
    void aThresholdAboveOneIsRefusedWhenTheModelGivesProbabilities() throws Exception {
        assertThat(problems("threshold: 0.5", "threshold: 1.5"))
                .containsExactly(
                        "protocol.yaml line 14, column 14, operating_point.threshold: 1.5 is above"
                                + " the maximum 1");
        assertThat(problems("threshold: 0.5", "threshold: -0.25"))
                .containsExactly(
                        "protocol.yaml line 14, column 14, operating_point.threshold: -0.25 is"
                                + " below the minimum 0");
    }

    @Test
    void anyFiniteThresholdIsTakenWhenTheModelSaysItsScoresAreNotProbabilities() throws Exception {
        protocol = StudyFixture.in(dir).write();
        Path model = dir.resolve("model/model.json");
        Files.writeString(model, "{\"name\": \"stand-in\", \"output\": {\"kind\": \"score\"}}\n");
        String yaml =
                Files.readString(protocol)
                        .replaceAll(
                                "sha256: [0-9a-f]{64}",
                                "sha256: " + org.clinval.common.Sha256.of(model))
                        .replace("threshold: 0.5", "threshold: 3.25");
        Files.writeString(protocol, yaml);
        assertThat(ProtocolReader.check(protocol)).isEmpty();
        assertThat(ProtocolReader.read(protocol).operatingPoint().threshold()).isEqualTo(3.25);
    }

    @Test
    void notANumberAndInfinityAreRefused() throws Exception {
        assertThat(problems("threshold: 0.5", "threshold: .nan"))
                .containsExactly(
                        "protocol.yaml line 14, column 14, operating_point.threshold: '.nan' is not"
                                + " a finite number");
        assertThat(problems("threshold: 0.5", "threshold: -.inf"))
                .containsExactly(
                        "protocol.yaml line 14, column 14, operating_point.threshold: '-.inf' is not"
                                + " a finite number");
    }

    @Test
    void aPathThatClimbsOutOfTheFolderIsRefusedWithWhereItLeads() throws Exception {
        Path etc = StudyPaths.real(Path.of("/etc"));
        assertThat(problems("dicom: data/dicom", "dicom: ../../../../../../../../etc"))
                .containsExactly(
                        "protocol.yaml line 10, column 10, dataset.dicom:"
                                + " '../../../../../../../../etc' resolves to "
                                + etc
                                + ", outside the protocol's folder "
                                + StudyPaths.real(dir)
                                + "; list a folder that holds it under allowed_roots to use it");
    }

    @Test
    void anAbsolutePathOutsideIsRefusedWithoutBeingRead() throws Exception {
        List<String> p =
                problems("ground_truth: data/ground-truth.csv", "ground_truth: /etc/passwd");
        assertThat(p)
                .containsExactly(
                        "protocol.yaml line 11, column 17, dataset.ground_truth: '/etc/passwd'"
                                + " resolves to "
                                + StudyPaths.real(Path.of("/etc/passwd"))
                                + ", outside the protocol's folder "
                                + StudyPaths.real(dir)
                                + "; list a folder that holds it under allowed_roots to use it");
        assertThat(String.join("\n", p)).doesNotContain("root:");
    }

    @Test
    void aNamedPipeOutsideTheFolderIsRefusedWithoutBeingOpened() throws Exception {
        // Opening a pipe for reading blocks until someone writes: a reader that opened it would
        // hang here instead of answering.
        Path fifo = outside.resolve("truth.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        List<String> p =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(20),
                        () ->
                                problems(
                                        "ground_truth: data/ground-truth.csv",
                                        "ground_truth: " + fifo));
        assertThat(p)
                .singleElement()
                .asString()
                .contains("dataset.ground_truth: '" + fifo + "' resolves to");
    }

    @Test
    void aSymbolicLinkThatLeavesTheFolderIsRefused() throws Exception {
        Files.createDirectories(outside.resolve("dicom"));
        Files.createDirectories(dir.resolve("data"));
        Files.createSymbolicLink(dir.resolve("data/linked"), outside.resolve("dicom"));
        assertThat(problems("dicom: data/dicom", "dicom: data/linked"))
                .containsExactly(
                        "protocol.yaml line 10, column 10, dataset.dicom: 'data/linked' resolves to "
                                + StudyPaths.real(outside.resolve("dicom"))
                                + ", outside the protocol's folder "
                                + StudyPaths.real(dir)
                                + "; list a folder that holds it under allowed_roots to use it");
    }

    @Test
    void aDanglingLinkIsJudgedByWhereItPoints() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.createSymbolicLink(dir.resolve("data/later"), outside.resolve("not-yet"));
        assertThat(problems("ground_truth: data/ground-truth.csv", "ground_truth: data/later"))
                .singleElement()
                .asString()
                .contains(
                        "'data/later' resolves to "
                                + StudyPaths.real(outside)
                                + "/not-yet, outside");
    }

    @Test
    void allowedRootsLetTheStudyUseDataOutsideItsFolder() throws Exception {
        Files.createDirectories(outside.resolve("dicom"));
        Files.writeString(outside.resolve("truth.csv"), "case_id,label\n");
        Files.createDirectories(dir.resolve("data"));
        Files.createSymbolicLink(dir.resolve("data/linked"), outside.resolve("dicom"));
        String yaml =
                "allowed_roots: ["
                        + outside
                        + "]\ndataset:\n  dicom: data/linked\n  ground_truth: "
                        + outside.resolve("truth.csv")
                        + "\n";
        assertThat(
                        problems(
                                "dataset:\n  dicom: data/dicom\n  ground_truth: data/ground-truth.csv\n",
                                yaml))
                .isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        assertThat(p.dataset().groundTruth()).isEqualTo(outside.resolve("truth.csv"));
        assertThat(p.dataset().dicom()).isEqualTo(dir.resolve("data/linked"));
    }

    @Test
    void theRootOfTheFileSystemIsNoAllowedRoot() throws Exception {
        assertThat(problems("dataset:\n", "allowed_roots: [/]\ndataset:\n"))
                .containsExactly(
                        "protocol.yaml line 9, column 17, allowed_roots[0]: '/' is the root of the"
                                + " file system: name the folder that holds the study's data");
    }

    @Test
    void aFiveMegabyteValueIsQuotedShort() throws Exception {
        String huge = "9".repeat(5 << 20) + "x";
        List<String> p = problems("threshold: 0.5", "threshold: \"" + huge + "\"");
        assertThat(p)
                .containsExactly(
                        "protocol.yaml line 14, column 14, operating_point.threshold: '"
                                + "9".repeat(80)
                                + "'… (5242881 characters, the first 80 shown) is too long: a value is"
                                + " at most 65536 characters");
    }

    @Test
    void everyProblemIsReportedTogetherInTheOrderOfTheFile() throws Exception {
        protocol = StudyFixture.in(dir).write();
        String yaml =
                Files.readString(protocol)
                        .replace("dicom: data/dicom", "dicom: /etc")
                        .replace("threshold: 0.5", "threshold: 2")
                        .replace("level: 0.95\n    verifies", "level: 1.5\n    verifies")
                        .replace("  seed: 7", "  seed: 7\n  seeds: 8");
        Files.writeString(protocol, yaml);
        List<ProtocolProblem> p = ProtocolReader.check(protocol);
        assertThat(p)
                .extracting(ProtocolProblem::path)
                .containsExactly(
                        "dataset.dicom",
                        "operating_point.threshold",
                        "endpoints[0].criterion.level",
                        "endpoints[1].criterion.level",
                        "statistics.seeds");
        assertThat(p.get(2).what()).isEqualTo("1.5 is not in (0, 1)");
        assertThat(p.get(2).where())
                .isEqualTo("protocol.yaml line 27, column 14, endpoints[0].criterion.level");
    }

    @Test
    void modalitiesBurnedInAnnotationAndSeparationOfDutiesAreRead() throws Exception {
        assertThat(
                        problems(
                                "  deidentify: false\n",
                                "  deidentify: false\n  modalities: [DX, CR]\n"
                                        + "  allow_burned_in_annotation: true\n"
                                        + "separation_of_duties: {allow_one_user_both_roles: true}\n"))
                .isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        assertThat(p.dataset().modalities()).containsExactly("DX", "CR");
        assertThat(p.dataset().allowBurnedInAnnotation()).isTrue();
        assertThat(p.separationOfDuties().allowOneUserBothRoles()).isTrue();
        assertThat(
                        problems(
                                "  deidentify: false\n",
                                "  deidentify: false\n  modalities: [ct, CT, CT]\n"))
                .containsExactly(
                        "protocol.yaml line 13, column 16, dataset.modalities[0]: 'ct' is not a DICOM"
                                + " modality code (capital letters and digits, e.g. CT, MR, DX, OP)",
                        "protocol.yaml line 13, column 24, dataset.modalities[2]: 'CT' is listed twice");
    }

    @Test
    void aMissingFileIsAProblemToo() throws Exception {
        assertThat(ProtocolReader.check(dir.resolve("nothing.yaml")))
                .extracting(ProtocolProblem::toString)
                .containsExactly("no such file: " + dir.resolve("nothing.yaml"));
    }
}
