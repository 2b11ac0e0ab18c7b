package org.clinval.app.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clinval dicom info} on Debian's pydicom test files (package python3-pydicom). */
class DicomInfoCommandTest {

    static final Path FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir Path dir;

    @BeforeEach
    void needsDebianFiles() {
        assumeTrue(Files.isDirectory(FILES), "Debian package python3-pydicom is not installed");
    }

    private static JsonNode json(String out) throws IOException {
        return new ObjectMapper().readTree(out);
    }

    @Test
    void oneFilePrintsOneObjectAfterTheModalityLut() throws IOException {
        CliRun r = CliRun.of("dicom", "info", FILES.resolve("CT_small.dcm").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        JsonNode o = json(r.out());
        assertThat(o.get("sop_class").asText()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(o.get("modality").asText()).isEqualTo("CT");
        assertThat(o.get("transfer_syntax").asText()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(o.get("rows").asInt()).isEqualTo(128);
        assertThat(o.get("columns").asInt()).isEqualTo(128);
        assertThat(o.get("frames").asInt()).isEqualTo(1);
        // pydicom 2.3.1: a = apply_modality_lut(ds.pixel_array, ds);
        // a.min(), a.max(), a.mean() = -896.0, 1167.0, -119.0738525390625
        assertThat(o.get("pixel_min").asDouble()).isEqualTo(-896.0);
        assertThat(o.get("pixel_max").asDouble()).isEqualTo(1167.0);
        assertThat(o.get("pixel_mean").asDouble()).isEqualTo(-119.0738525390625);
    }

    @Test
    void neverPrintsPatientNamesOrIds() throws IOException {
        // dcmdump CT_small.dcm: PatientName [CompressedSamples^CT1], PatientID [1CT1]
        CliRun r = CliRun.of("dicom", "info", FILES.resolve("CT_small.dcm").toString());
        assertThat(r.out()).doesNotContain("CompressedSamples").doesNotContain("1CT1");
        assertThat(json(r.out()).fieldNames())
                .toIterable()
                .noneMatch(k -> k.toLowerCase().contains("patient"));
    }

    @Test
    void severalFilesPrintAnArrayAndAFailureMakesTheExitCodeNonZero() throws IOException {
        Path notDicom = Files.writeString(dir.resolve("notes.txt"), "hello");
        CliRun r =
                CliRun.of(
                        "dicom",
                        "info",
                        FILES.resolve("MR_small.dcm").toString(),
                        FILES.resolve("MR_small_jpeg_ls_lossless.dcm").toString(),
                        FILES.resolve("test-SR.dcm").toString(),
                        notDicom.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("2 of 4 files failed");
        JsonNode a = json(r.out());
        assertThat(a.isArray()).isTrue();
        assertThat(a).hasSize(4);
        assertThat(a.get(0).has("error")).isFalse();
        JsonNode jls = a.get(1);
        assertThat(jls.get("error").asText())
                .contains("MR_small_jpeg_ls_lossless.dcm")
                .contains("1.2.840.10008.1.2.4.80")
                .contains("JPEG-LS Lossless");
        JsonNode sr = a.get(2);
        assertThat(sr.has("error")).isFalse();
        assertThat(sr.get("modality").asText()).isEqualTo("SR");
        assertThat(sr.get("rows").isNull()).isTrue();
        assertThat(a.get(3).get("error").asText()).contains("not a DICOM Part 10 file");
    }

    @Test
    void directoriesAreWalkedForDicomFilesOnly() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("a/b"));
        Files.copy(FILES.resolve("MR_small.dcm"), sub.resolve("z.dcm"));
        Files.copy(FILES.resolve("CT_small.dcm"), dir.resolve("a/y.dcm"));
        Files.writeString(sub.resolve("README"), "not DICOM, skipped");
        CliRun r = CliRun.of("dicom", "info", dir.toString());
        assertThat(r.exit()).isZero();
        JsonNode a = json(r.out());
        assertThat(a).hasSize(2);
        assertThat(a.get(0).get("file").asText()).endsWith("a/b/z.dcm");
        assertThat(a.get(1).get("modality").asText()).isEqualTo("CT");
    }

    @Test
    void missingArgumentIsAUsageError() {
        CliRun r = CliRun.of("dicom", "info");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("FILE");
    }
}
