package org.clinval.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of Debian's pydicom test set, decoded by {@link DicomReader} and by pydicom 2.3.1
 * (with GDCM 3.0.21, Pillow and numpy handlers) in the same test run:
 *
 * <pre>
 *   /usr/bin/python3 imaging/src/test/python/dicom_reference.py \
 *       /usr/lib/python3/dist-packages/pydicom/data/test_files target/dicom-reference
 * </pre>
 *
 * <p>Lossless transfer syntaxes must agree exactly (as float32, after the modality LUT, which
 * pydicom applies with {@code apply_modality_lut}). Lossy ones (JPEG Baseline, JPEG 2000
 * irreversible) may differ because decoders round differently: at most {@value #LOSSY_MAX} grey
 * levels per sample, and at most {@value #LOSSY_MEAN} on average (measured with pydicom 2.3.1: JPEG
 * Baseline files agree exactly, {@code JPEG2000.dcm} differs by 1 at a few pixels, mean 8e-5; each
 * run writes its differences to {@code target/dicom-reference/java-differences.csv}). Colour values
 * are compared as decoded, without colour conversion. Files we cannot decode must be exactly {@link
 * #UNDECODABLE}, each failing with a message that names the file and its transfer syntax (UID and
 * name).
 */
class DicomReaderReferenceTest {

    static final double LOSSY_MAX = 2;
    static final double LOSSY_MEAN = 0.5;

    /** Files pydicom decodes and we refuse, with the part of our message that says why. */
    static final Map<String, String> UNDECODABLE =
            Map.ofEntries(
                    Map.entry("JPEG-lossy.dcm", "frame 1 cannot be decoded"),
                    Map.entry("JPGExtended.dcm", "frame 1 cannot be decoded"),
                    Map.entry("MR_small_jpeg_ls_lossless.dcm", "no decoder"),
                    Map.entry("JPEG2000-embedded-sequence-delimiter.dcm", "cannot be decoded"),
                    Map.entry("SC_rgb_jpeg.dcm", "cannot be parsed"),
                    Map.entry("GDCMJ2K_TextGBR.dcm", "JP2 file header"),
                    Map.entry("SC_rgb_rle_16bit.dcm", "cannot be decoded"),
                    Map.entry("SC_rgb_rle_16bit_2frame.dcm", "cannot be decoded"),
                    Map.entry("SC_rgb_rle_32bit.dcm", "Bits Allocated 32"),
                    Map.entry("SC_rgb_rle_32bit_2frame.dcm", "Bits Allocated 32"),
                    Map.entry("rtdose.dcm", "Bits Allocated 32"),
                    Map.entry("rtdose_1frame.dcm", "Bits Allocated 32"),
                    Map.entry("rtdose_expb.dcm", "Bits Allocated 32"),
                    Map.entry("rtdose_expb_1frame.dcm", "Bits Allocated 32"),
                    Map.entry("rtdose_rle.dcm", "Bits Allocated 32"),
                    Map.entry("rtdose_rle_1frame.dcm", "Bits Allocated 32"));

    static Path reference;

    @BeforeAll
    static void decodeWithPydicom() throws IOException, InterruptedException {
        reference = DebianDicomFiles.reference();
    }

    record Row(
            int index,
            String file,
            String status,
            String transferSyntax,
            String photometric,
            int rows,
            int columns,
            int frames,
            int samples) {}

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(reference.resolve("index.csv"))) {
            if (line.startsWith("#") || line.startsWith("index,")) {
                continue;
            }
            String[] c = line.split(",", -1);
            out.add(
                    new Row(
                            Integer.parseInt(c[0]),
                            c[1],
                            c[2],
                            c[3],
                            c[4],
                            c[5].isEmpty() ? 0 : Integer.parseInt(c[5]),
                            c[6].isEmpty() ? 0 : Integer.parseInt(c[6]),
                            c[7].isEmpty() ? 0 : Integer.parseInt(c[7]),
                            c[8].isEmpty() ? 0 : Integer.parseInt(c[8])));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyDebianTestFileDecodesLikePydicomOrFailsClearly() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThan(70);
        assertThat(rows.stream().filter(r -> r.status().equals("ok")).count()).isGreaterThan(50);
        return rows.stream().map(r -> DynamicTest.dynamicTest(r.file(), () -> check(r)));
    }

    private static void check(Row r) throws IOException {
        Path file = DebianDicomFiles.TEST_FILES.resolve(r.file());
        String name = file.getFileName().toString();
        if (!r.status().equals("ok")) {
            // pydicom cannot decode it either (not DICOM, no pixels, corrupt): we must refuse it.
            assertThatThrownBy(() -> DicomReader.read(file))
                    .isInstanceOf(DicomReadException.class)
                    .hasMessageContaining(file.toString());
            return;
        }
        if (UNDECODABLE.containsKey(name)) {
            TransferSyntax ts = TransferSyntax.of(r.transferSyntax());
            assertThatThrownBy(() -> DicomReader.read(file))
                    .isInstanceOf(DicomReadException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(ts.uid())
                    .hasMessageContaining(ts.name())
                    .hasMessageContaining(UNDECODABLE.get(name));
            return;
        }
        DicomImage image;
        try {
            image = DicomReader.read(file);
        } catch (DicomReadException e) {
            fail("pydicom decodes " + name + " but we do not: " + e.getMessage(), e);
            return;
        }
        assertThat(image.rows()).isEqualTo(r.rows());
        assertThat(image.columns()).isEqualTo(r.columns());
        assertThat(image.frames()).isEqualTo(r.frames());
        assertThat(image.samplesPerPixel()).isEqualTo(r.samples());

        double[] expected = values(reference.resolve(r.index() + ".f64"));
        int perFrame = r.rows() * r.columns() * r.samples();
        assertThat(expected).hasSize(perFrame * r.frames());
        TransferSyntax ts = TransferSyntax.of(r.transferSyntax());
        double maxDiff = 0;
        double sumDiff = 0;
        for (int f = 0; f < image.frames(); f++) {
            float[] actual = image.frame(f);
            for (int i = 0; i < perFrame; i++) {
                double d = Math.abs(actual[i] - (float) expected[f * perFrame + i]);
                maxDiff = Math.max(maxDiff, d);
                sumDiff += d;
            }
        }
        double meanDiff = sumDiff / expected.length;
        Files.writeString(
                reference.resolve("java-differences.csv"),
                name + "," + ts.uid() + "," + maxDiff + "," + meanDiff + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (ts.lossy()) {
            assertThat(maxDiff).as(name + " max |diff|").isLessThanOrEqualTo(LOSSY_MAX);
            assertThat(meanDiff).as(name + " mean |diff|").isLessThanOrEqualTo(LOSSY_MEAN);
        } else {
            assertThat(maxDiff).as(name + " (lossless) max |diff|").isZero();
        }
    }

    private static double[] values(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }
}
