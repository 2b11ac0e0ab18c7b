package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;
import org.clinval.imaging.dicom.VoiWindow;
import org.clinval.imaging.model.internal.InputEncoder;
import org.clinval.imaging.preprocess.Raster;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.clinval.imaging.testing.InputFixtures;
import org.clinval.imaging.testing.TorchFixtures;
import org.clinval.imaging.testing.XrayFiles;
import org.clinval.imaging.testing.XrayFiles.Xray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model inputs of real DICOM files of every modality: pydicom's MR, colour (RGB, YBR_FULL,
 * YBR_FULL_422; Secondary Capture and Ultrasound) and X-ray files written from a real image's
 * stored values, against pydicom and numpy run in the same test ({@code modality_reference.py}).
 */
class ModalityInputsTest {

    @TempDir Path dir;

    static ModelDescriptor descriptor(int channels, int size, String steps) throws Exception {
        return ModelDescriptor.parse(
                "name: m\ntask: classification\nformat: onnx\nfile: m.onnx\n"
                        + "input: {channels: "
                        + channels
                        + ", height: "
                        + size
                        + ", width: "
                        + size
                        + "}\npreprocessing:\n"
                        + steps
                        + "output: {kind: logit, classes: 1}\nthreshold: 0.5\n",
                "test descriptor");
    }

    static void assertClose(float[] actual, float[] expected, double tolerance, String what) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertThat(worst).as(what + ": largest difference").isLessThanOrEqualTo(tolerance);
    }

    @Test
    void mrSmallAndItsRleBigEndianAndImplicitCopiesGiveTheSameModelInput() throws Exception {
        ModelDescriptor d =
                descriptor(
                        1,
                        32,
                        "  - zscore: {foreground_above: 100}\n  - resize: {height: 32, width: 32}\n");
        Raster first = d.prepare(DicomSlices.read(DebianDicomFiles.file("MR_small.dcm")));
        for (String copy :
                List.of("MR_small_RLE.dcm", "MR_small_bigendian.dcm", "MR_small_implicit.dcm")) {
            ImageSlice s = DicomSlices.read(DebianDicomFiles.file(copy));
            assertThat(s.context().modality()).contains("MR");
            assertThat(d.prepare(s)).as(copy).isEqualTo(first);
        }
        assertThat(d.preprocessing().names()).containsExactly("zscore", "resize");
    }

    // Reference: modality_reference.py, numpy 1.24: (v - v.mean()) / v.std(), the same over
    // v > 100, and np.clip((v - p1) / (p99 - p1), 0, 1) with p = np.percentile(v, [1, 99]), of
    // v = apply_modality_lut(ds.pixel_array, ds) of MR_small.dcm, in float64.
    @Test
    void zscoreAndPercentileOfMrSmallEqualNumpy() throws Exception {
        Path ref = InputFixtures.reference();
        ImageSlice mr = DicomSlices.read(DebianDicomFiles.file("MR_small.dcm"));
        assertClose(
                descriptor(1, 64, "  - zscore: {}\n").prepare(mr).values(),
                InputFixtures.floats(ref.resolve("MR_small.zscore.f32")),
                1e-6,
                "zscore");
        assertClose(
                descriptor(1, 64, "  - zscore: {foreground_above: 100}\n").prepare(mr).values(),
                InputFixtures.floats(ref.resolve("MR_small.zscore_fg.f32")),
                1e-6,
                "zscore over the foreground");
        assertClose(
                descriptor(1, 64, "  - percentile: {lower: 1, upper: 99}\n").prepare(mr).values(),
                InputFixtures.floats(ref.resolve("MR_small.percentile.f32")),
                1e-6,
                "percentile");
    }

    // Reference: modality_reference.py, pydicom 2.3.1: ds.pixel_array, converted with
    // convert_color_space(arr, PI, "RGB") for YBR_FULL and YBR_FULL_422, as (3, rows, columns).
    @Test
    void colourFilesAreRgbPlanesAsPydicomConvertsThem() throws Exception {
        Path ref = InputFixtures.reference();
        List<String[]> rows = TorchFixtures.rows(ref.resolve("reference.csv"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
        for (String[] r : rows) {
            Path file = DebianDicomFiles.file(r[0]);
            ImageSlice s = DicomSlices.read(file, false);
            boolean jpeg =
                    DicomReader.read(file).metadata().transferSyntax().encapsulated()
                            && !r[0].contains("rle");
            assertThat(s.channels()).as(r[0]).isEqualTo(3);
            assertThat(s.rows()).as(r[0]).isEqualTo(Integer.parseInt(r[1]));
            assertThat(s.context().photometric()).isEqualTo("RGB");
            assertThat(s.context().read())
                    .as(r[0])
                    .isEqualTo(
                            r[3].startsWith("YBR")
                                    ? List.of("YBR_FULL converted to RGB")
                                    : List.of());
            assertClose(
                    s.hu(),
                    InputFixtures.floats(ref.resolve(r[0] + ".rgb.f32")),
                    jpeg ? 1 : 0,
                    r[0]);
        }
    }

    /** MR_small's stored values as a CR: MONOCHROME1, and its MONOCHROME2 inverse. */
    private Path[] crPair(double slope, double intercept) throws Exception {
        Xray m1 =
                XrayFiles.fromStoredText(
                        InputFixtures.reference().resolve("MR_small.stored.txt"),
                        "MONOCHROME1",
                        "CR");
        m1 =
                new Xray(
                        m1.rows(),
                        m1.columns(),
                        m1.stored(),
                        "MONOCHROME1",
                        "CR",
                        slope,
                        intercept,
                        slope * 1095 + intercept,
                        1201,
                        Optional.empty());
        Path a = dir.resolve("m1-" + slope + ".dcm");
        Path b = dir.resolve("m2-" + slope + ".dcm");
        XrayFiles.write(m1, a, "m1" + slope);
        XrayFiles.write(XrayFiles.inverse(m1), b, "m2" + slope);
        return new Path[] {a, b};
    }

    @Test
    void aMonochrome1CrAndItsMonochrome2InverseGiveTheSameModelInputExactly() throws Exception {
        for (double[] lut : new double[][] {{1, 0}, {2, -100}}) {
            Path[] pair = crPair(lut[0], lut[1]);
            // The files differ as stored and as read by the DICOM reader...
            assertThat(DicomReader.read(pair[0]).frame(0))
                    .isNotEqualTo(DicomReader.read(pair[1]).frame(0));
            ImageSlice m1 = DicomSlices.read(pair[0]);
            ImageSlice m2 = DicomSlices.read(pair[1]);
            // ...but not as model inputs.
            assertThat(m1.hu()).isEqualTo(m2.hu());
            assertThat(m1.context().read()).containsExactly(DicomSlices.INVERTED);
            assertThat(m2.context().read()).isEmpty();
            assertThat(m1.context().windows().get(0).center())
                    .isEqualTo(m2.context().windows().get(0).center());
            for (String steps :
                    List.of(
                            "  - voi_lut: {}\n  - resize: {height: 32, width: 32}\n",
                            "  - zscore: {}\n  - resize: {height: 32, width: 32}\n",
                            "  - percentile: {lower: 1, upper: 99}\n  - resize: {height: 32, width: 32}\n")) {
                ModelDescriptor d = descriptor(1, 32, steps);
                assertThat(d.prepare(m1)).as(steps).isEqualTo(d.prepare(m2));
            }
        }
    }

    // Reference: PS3.3 C.11.2.1.2.1 LINEAR, written out here on the file's own values.
    @Test
    void voiLutAppliesTheHeadersWindow() throws Exception {
        Path m2 = crPair(1, 0)[1];
        ImageSlice s = DicomSlices.read(m2);
        float[] out = descriptor(1, 64, "  - voi_lut: {}\n").prepare(s).values();
        VoiWindow w = DicomReader.read(m2).window().orElseThrow();
        double c = w.center(), width = w.width();
        for (int i = 0; i < out.length; i++) {
            double x = s.hu()[i];
            double expected =
                    x <= c - 0.5 - (width - 1) / 2
                            ? 0
                            : x > c - 0.5 + (width - 1) / 2
                                    ? 1
                                    : (x - (c - 0.5)) / (width - 1) + 0.5;
            assertThat((double) out[i])
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-7));
        }
        assertThat(out).contains(0f, 1f); // the window clips at both ends of this image
    }

    // Reference: voi_lut_reference.py, pydicom 2.3.1:
    // apply_voi_lut(apply_modality_lut(ds.pixel_array, ds), ds), which prefers the table.
    @Test
    void voiLutAppliesTheHeadersTableAsPydicomAndInvertsItWithAMonochrome1Image() throws Exception {
        Xray m2 =
                XrayFiles.fromStoredText(
                        InputFixtures.reference().resolve("MR_small.stored.txt"),
                        "MONOCHROME2",
                        "DX");
        // A sigmoid-like 16-bit table over 1000..2999, then flat at both ends.
        int first = 1000;
        int[] table = new int[2000];
        for (int i = 0; i < table.length; i++) {
            table[i] = (int) Math.round(65535 / (1 + Math.exp(-(i - 1000) / 200.0)));
        }
        Path f2 = dir.resolve("dx-voi-lut.dcm");
        XrayFiles.write(m2, f2, "voi-m2", first, table);
        Path ref = dir.resolve("dx-voi-lut.f32");
        DebianDicomFiles.python(
                InputFixtures.script("voi_lut_reference.py"),
                List.of(f2.toString(), ref.toString()),
                dir.resolve("voi.log"));
        float[] expected = InputFixtures.floats(ref);
        for (int i = 0; i < expected.length; i++) expected[i] /= 65535f;
        ImageSlice s2 = DicomSlices.read(f2);
        ModelDescriptor d = descriptor(1, 64, "  - voi_lut: {}\n");
        float[] out = d.prepare(s2).values();
        assertClose(out, expected, 1e-7, "VOI LUT table");
        // The table, not the window, decided: the window alone gives other values.
        float[] windowOnly =
                d.prepare(DicomSlices.read(writeWithout(m2, "dx-window.dcm"))).values();
        assertThat(windowOnly).isNotEqualTo(out);
        // The MONOCHROME1 image whose inverse this is, with the table it would carry: reversed
        // and complemented on the inverted values, from 4095 − (first + n − 1).
        int[] t1 = new int[table.length];
        for (int i = 0; i < t1.length; i++) t1[i] = 65535 - table[table.length - 1 - i];
        Xray m1 = XrayFiles.inverse(m2);
        Path f1 = dir.resolve("dx-voi-lut-m1.dcm");
        XrayFiles.write(m1, f1, "voi-m1", XrayFiles.MAX_STORED - (first + table.length - 1), t1);
        assertThat(d.prepare(DicomSlices.read(f1)).values()).isEqualTo(out);
    }

    private Path writeWithout(Xray x, String name) throws Exception {
        Path f = dir.resolve(name);
        XrayFiles.write(x, f, name);
        return f;
    }

    @Test
    void presentationIntentIsCheckedWithTheReason() throws Exception {
        Xray base =
                XrayFiles.fromStoredText(
                        InputFixtures.reference().resolve("MR_small.stored.txt"),
                        "MONOCHROME2",
                        "DX");
        String step = "  - presentation_intent: {accept: [FOR PRESENTATION]}\n  - voi_lut: {}\n";
        ModelDescriptor d = descriptor(1, 64, step);
        ModelDescriptor lenient =
                descriptor(
                        1,
                        64,
                        "  - presentation_intent: {accept: [FOR PRESENTATION], when_absent: accept}\n");
        for (String intent : new String[] {"FOR PRESENTATION", "FOR PROCESSING", null}) {
            Xray x =
                    new Xray(
                            base.rows(),
                            base.columns(),
                            base.stored(),
                            "MONOCHROME2",
                            "DX",
                            1,
                            0,
                            1000,
                            1500,
                            Optional.ofNullable(intent));
            Path f = dir.resolve("dx-" + intent + ".dcm");
            XrayFiles.write(x, f, "dx" + intent);
            ImageSlice s = DicomSlices.read(f);
            if ("FOR PRESENTATION".equals(intent)) {
                assertThat(d.prepare(s).values()).hasSize(64 * 64);
            } else if (intent == null) {
                assertThatThrownBy(() -> d.prepare(s))
                        .isInstanceOf(ModelRunException.class)
                        .hasMessageContaining("presentation_intent")
                        .hasMessageContaining("has no Presentation Intent Type");
                assertThat(lenient.prepare(s).values()).isEqualTo(s.hu());
            } else {
                assertThatThrownBy(() -> d.prepare(s))
                        .isInstanceOf(ModelRunException.class)
                        .hasMessageContaining("the image is FOR PROCESSING")
                        .hasMessageContaining("the model accepts FOR PRESENTATION");
            }
        }
    }

    @Test
    void colourGoesToAColourModelPlaneByPlaneAndIsRefusedByAGreyOne() throws Exception {
        ImageSlice rgb = DicomSlices.read(DebianDicomFiles.file("SC_rgb_rle.dcm"), false);
        assertThat(rgb.hasSpacing()).isTrue();
        ModelDescriptor colour = descriptor(3, 50, "  - resize: {height: 50, width: 50}\n");
        Raster r = colour.prepare(rgb);
        assertThat(r.channels()).isEqualTo(3);
        var t = InputEncoder.batch(colour, List.of(r));
        assertThat(t.shape()).containsExactly(1, 3, 50, 50);
        assertThat(t.data()).isEqualTo(r.values());
        ModelDescriptor grey = descriptor(1, 50, "  - resize: {height: 50, width: 50}\n");
        assertThatThrownBy(() -> grey.prepare(rgb))
                .isInstanceOf(ModelRunException.class)
                .hasMessageContaining("the image has 3 channels (colour) but model m takes 1");
        // A grey image fills every channel of a colour model, as before.
        ImageSlice mr = DicomSlices.read(DebianDicomFiles.file("MR_small.dcm"));
        ModelDescriptor colour64 = descriptor(3, 64, "  - zscore: {}\n");
        Raster g = colour64.prepare(mr);
        float[] data = InputEncoder.batch(colour64, List.of(g)).data();
        for (int k = 0; k < 3; k++) {
            assertThat(java.util.Arrays.copyOfRange(data, k * 4096, (k + 1) * 4096))
                    .isEqualTo(g.values());
        }
    }

    @Test
    void anImageWithoutSpacingIsAnInputOnlyWhereSizesAreNotNeeded() throws Exception {
        Path us = DebianDicomFiles.file("ExplVR_BigEnd.dcm");
        assertThatThrownBy(() -> DicomSlices.read(us))
                .isInstanceOf(DicomReadException.class)
                .hasMessageContaining("no pixel spacing");
        ImageSlice s = DicomSlices.read(us, false);
        assertThat(s.hasSpacing()).isFalse();
        assertThat(s.context().modality()).contains("US");
        assertThat(Files.exists(us)).isTrue();
    }
}
