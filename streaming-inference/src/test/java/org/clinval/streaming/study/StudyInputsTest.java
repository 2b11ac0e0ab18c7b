package org.clinval.streaming.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.clinval.imaging.dataset.CheckOptions;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join of an image folder and a reference standard: every case once, pseudonyms instead of
 * folder names, the reason of each case that cannot be scored, every file accounted for.
 */
class StudyInputsTest {

    @TempDir static Path tmp;
    static PhantomStudy study;
    static PhantomStudy other;

    @BeforeAll
    static void phantoms() throws Exception {
        PhantomGenerator g =
                PhantomGenerator.builder().setSeed(11).setSize(64).setPrevalence(0.5).build();
        study = PhantomStudyWriter.write(g, 8, tmp.resolve("study"));
        other =
                PhantomStudyWriter.write(
                        PhantomGenerator.builder()
                                .setSeed(12)
                                .setSize(64)
                                .setPrevalence(0.5)
                                .build(),
                        1,
                        tmp.resolve("other"));
        Path dicom = study.dicom();
        // A folder named after a patient, holding a copy of another case's image.
        Files.createDirectories(dicom.resolve("DOE^JANE"));
        Files.copy(dicom.resolve("case-0002/IM001.dcm"), dicom.resolve("DOE^JANE/IM001.dcm"));
        // An empty file in a case folder, and a second image in another.
        Files.write(dicom.resolve("case-0005/IM002.dcm"), new byte[0]);
        Files.copy(
                other.dicom().resolve("case-0001/IM001.dcm"), dicom.resolve("case-0006/IM002.dcm"));
        Files.writeString(dicom.resolve(".DS_Store"), "x");
    }

    private static Path groundTruth(String name, List<String> lines) throws Exception {
        return Files.write(tmp.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private static List<String> phantomRows() throws Exception {
        return new ArrayList<>(Files.readAllLines(study.groundTruth(), StandardCharsets.UTF_8));
    }

    private static Map<String, String> reasons(CasePlan plan) {
        Map<String, String> m = new TreeMap<>();
        plan.cases().forEach(c -> m.put(c.caseId(), c.usable() ? "ok" : c.reason()));
        return m;
    }

    @Test
    void withoutAnImageColumnEveryCaseGetsAPseudonymAndEachProblemItsReason() throws Exception {
        List<String> rows = phantomRows();
        rows.removeIf(r -> r.startsWith("case-0003,"));
        String four =
                rows.stream().filter(r -> r.startsWith("case-0004,")).findFirst().orElseThrow();
        rows.add(four);
        rows.add("ghost," + four.substring(four.indexOf(',') + 1));
        // A byte-order mark and CRLF line ends are accepted.
        rows.set(0, "\uFEFF" + rows.get(0));
        Path gt = tmp.resolve("gt-named.csv");
        Files.writeString(gt, String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);

        CasePlan plan =
                StudyInputs.plan(study.dicom(), gt, "1", CheckOptions.of(List.of("CT")), n -> {});

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.linked()).isFalse();
        // case-0001..0008, DOE^JANE and ghost, in name order: C0001 = DOE^JANE.
        assertThat(reasons(plan))
                .containsExactly(
                        Map.entry(
                                "C0001",
                                "C0001/F1: the same image as another case's (the same bytes)"
                                        + " (C0003/F1); no ground truth for this case"),
                        Map.entry("C0002", "ok"),
                        Map.entry(
                                "C0003",
                                "C0003/F1: the same image as another case's (the same bytes)"
                                        + " (C0001/F1)"),
                        Map.entry("C0004", "no ground truth for this case"),
                        Map.entry("C0005", "2 ground-truth rows (lines 4, 9)"),
                        Map.entry("C0006", "C0006/F2: empty file (0 bytes)"),
                        Map.entry(
                                "C0007",
                                "C0007/2 images (F1, F2); the study scores one image per case"),
                        Map.entry("C0008", "ok"),
                        Map.entry("C0009", "ok"),
                        Map.entry(
                                "C0010",
                                "no image: the image folder has no case for this ground-truth"
                                        + " row"));
        assertThat(plan.files()).isEqualTo(12);
        assertThat(plan.ignored()).hasSize(1);
    }

    @Test
    void theFilesOfTheRunFolderNameNoFolderAndTheKeyMapsBack() throws Exception {
        CasePlan plan =
                StudyInputs.plan(
                        study.dicom(),
                        study.groundTruth(),
                        "1",
                        CheckOptions.of(List.of("CT")),
                        n -> {});
        Path inventory = tmp.resolve("run").resolve(StudyInputs.INVENTORY);
        StudyInputs.writeInventory(plan, inventory);
        String text = Files.readString(inventory);
        assertThat(text).doesNotContain("DOE").doesNotContain("case-0").doesNotContain(".dcm");
        for (String canary : study.canaries()) {
            assertThat(text).doesNotContainIgnoringCase(canary);
        }
        List<String> lines = Files.readAllLines(inventory);
        assertThat(lines.get(0)).isEqualTo(StudyInputs.INVENTORY_HEADER);
        assertThat(lines).hasSize(1 + plan.files());
        assertThat(lines)
                .contains(
                        "C0001,C0001/F1,"
                                + plan.cases().get(0).files().orElseThrow().file(1).sha256()
                                + ",quarantined,the same image as another case's (the same"
                                + " bytes)");
        Path key = tmp.resolve("key.csv");
        StudyInputs.writeKey(plan, key);
        assertThat(Files.readAllLines(key)).contains("C0001,C0001/F1,DOE^JANE/IM001.dcm,,");
        Path manifest = tmp.resolve("manifest.csv");
        StudyInputs.writeJobManifest(
                plan,
                manifest,
                c -> study.dicom().resolve(c.image().orElseThrow().relative()),
                Map.of());
        List<String> m = Files.readAllLines(manifest);
        assertThat(m).hasSize(1 + plan.cases().size());
        assertThat(m.stream().filter(l -> l.endsWith(",,")).count())
                .isEqualTo(plan.usable().size());
    }

    @Test
    void withAnImageColumnTheReferenceStandardNamesItsCases() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("case_id,image,label,site");
        rows.add("P-01,case-0001,1,A");
        rows.add("P-02,case-0007/IM001.dcm,0,A");
        rows.add("P-03,case-0007,0,A");
        rows.add("P-04,../outside,0,A");
        CasePlan plan =
                StudyInputs.plan(
                        study.dicom(),
                        groundTruth("gt-linked.csv", rows),
                        "1",
                        CheckOptions.of(List.of("CT")),
                        n -> {});
        assertThat(plan.linked()).isTrue();
        assertThat(plan.problems())
                .extracting(Object::toString)
                .containsExactly(
                        "gt-linked.csv line 5, column 'image': '../outside' leaves the image"
                                + " folder; name the case's folder or file relative to"
                                + " dataset.dicom");
        Map<String, String> r = reasons(plan);
        assertThat(r).containsEntry("P-01", "ok").containsEntry("P-02", "ok");
        assertThat(r.get("P-03"))
                .isEqualTo("its image is also named by case P-02 of the ground truth");
        // The other image folders have no row: assigned pseudonyms, never their names.
        assertThat(r.keySet().stream().filter(k -> k.startsWith("C")).count()).isEqualTo(7);
        assertThat(r.keySet()).noneMatch(k -> k.contains("case-") || k.contains("DOE"));
    }

    @Test
    void aSubgroupAttributeNobodyGivesIsAProblemBeforeTheStudy() throws Exception {
        List<String> rows =
                phantomRows().stream()
                        .map(l -> l.substring(0, l.indexOf(',')) + "," + l.split(",")[6])
                        .collect(Collectors.toList());
        rows.set(0, "case_id,label");
        CasePlan plan =
                StudyInputs.plan(
                        study.dicom(),
                        groundTruth("gt-bare.csv", rows),
                        "1",
                        CheckOptions.of(List.of("CT")),
                        n -> {});
        assertThat(
                        StudyInputs.subgroupProblems(
                                plan, List.of("site", "manufacturer"), tmp.resolve("gt-bare.csv")))
                .extracting(Object::toString)
                .containsExactly(
                        "subgroups.attributes: site: 5 cases have no site (e.g. C0002, C0004,"
                                + " C0005, C0008, C0009); give it in a 'site' column of gt-bare.csv"
                                + " or remove it from the subgroups");
    }
}
