package org.clinval.imaging.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad file of each kind in a study's image folder: each is found, named by number with its
 * cause, quarantines its case and only its case, and every file is accounted for.
 */
class DatasetInventoryTest {

    @TempDir static Path tmp;
    static DatasetInventory inventory;
    static long progress;

    @BeforeAll
    static void scan() throws Exception {
        Path root = tmp.resolve("images");
        DebianDicomFiles.python(
                Path.of("src/test/python/make_bad_dataset.py"),
                List.of(root.toString()),
                tmp.resolve("python.log"));
        CheckOptions options =
                CheckOptions.of(List.of("CT"))
                        .withImageCheck(
                                (file, image) ->
                                        image.rows() == 128 && image.columns() == 128
                                                ? Optional.empty()
                                                : Optional.of(
                                                        "image of "
                                                                + image.rows()
                                                                + " × "
                                                                + image.columns()
                                                                + "; the model takes 128 × 128"));
        AtomicLong done = new AtomicLong();
        inventory = DatasetInventory.scan(root, options, done::set);
        progress = done.get();
    }

    private static Map<String, String> problems() {
        Map<String, String> out = new TreeMap<>();
        for (CaseFiles c : inventory.cases()) {
            out.put(c.key(), c.problem().map(CaseFiles.CaseProblem::reason).orElse("ok"));
        }
        return out;
    }

    @Test
    void everyFileIsAccountedForOnce() {
        assertThat(inventory.files()).isEqualTo(21);
        assertThat(progress).isEqualTo(21);
        assertThat(inventory.ignored())
                .extracting(f -> f.relative() + ": " + f.reason())
                .containsExactly(
                        ".DS_Store: a file operating systems or viewers leave in folders, not an"
                                + " image",
                        "report.dcm: not an image: Comprehensive SR Storage");
        assertThat(inventory.cases()).hasSize(15);
    }

    @Test
    void eachBadKindQuarantinesItsCaseWithItsCause() {
        assertThat(problems())
                .containsEntry("case-ok", "F1: the same image as another case's (the same bytes)")
                .containsEntry("top-level-image", "ok")
                .containsEntry("case-dupwithin", "ok")
                .containsEntry("case-empty", "F1: empty file (0 bytes)")
                .containsEntry(
                        "case-text",
                        "F1: not a DICOM file: no 'DICM' after the 128-byte preamble (21 bytes)")
                .containsEntry("case-preamble", "F1: a DICOM preamble and nothing else (132 bytes)")
                .containsEntry(
                        "case-burned",
                        "F1: Burned In Annotation (0028,0301) is YES: text in the pixels may identify"
                                + " the patient, and the protocol does not allow such images"
                                + " (dataset.allow_burned_in_annotation)")
                .containsEntry("case-mr", "F1: modality MR; the protocol accepts CT")
                .containsEntry("case-small", "F1: image of 64 × 64; the model takes 128 × 128")
                .containsEntry("case-two", "2 images (F1, F2); the study scores one image per case")
                .containsEntry(
                        "copy-of-case-ok", "F1: the same image as another case's (the same bytes)")
                .containsEntry(
                        "case-sopclash",
                        "F2: the same SOP Instance UID as another file of the case, with different"
                                + " content")
                .containsEntry("case-sr", "no image in the case (1 file ignored)");
        assertThat(problems().get("case-jpegls"))
                .startsWith("F1: pixel data cannot be decoded: [")
                .contains("JPEG-LS");
        assertThat(problems().get("case-jpeg12"))
                .startsWith("F1: pixel data cannot be decoded: [")
                .contains("1.2.840.10008.1.2.4.51");
    }

    @Test
    void noReasonNamesAFileOrAFolder() {
        for (CaseFiles c : inventory.cases()) {
            for (FileCheck f : c.files()) {
                assertThat(f.reason()).doesNotContain("case-").doesNotContain(".dcm");
            }
        }
    }

    @Test
    void aDuplicateAcrossCasesNamesTheFileItRepeats() {
        CaseFiles dup =
                inventory.cases().stream()
                        .filter(c -> c.key().equals("copy-of-case-ok"))
                        .findFirst()
                        .orElseThrow();
        assertThat(dup.problem().orElseThrow().duplicateOf()).contains(Path.of("case-ok", "1.dcm"));
        CaseFiles within =
                inventory.cases().stream()
                        .filter(c -> c.key().equals("case-dupwithin"))
                        .findFirst()
                        .orElseThrow();
        assertThat(within.images()).hasSize(1);
        assertThat(within.file(2).status()).isEqualTo(FileStatus.DUPLICATE);
        CaseFiles ok =
                inventory.cases().stream()
                        .filter(c -> c.key().equals("case-ok"))
                        .findFirst()
                        .orElseThrow();
        assertThat(ok.problem().orElseThrow().duplicateOf())
                .contains(Path.of("copy-of-case-ok", "1.dcm"));
        assertThat(ok.file(2).status()).isEqualTo(FileStatus.IGNORED);
    }
}
