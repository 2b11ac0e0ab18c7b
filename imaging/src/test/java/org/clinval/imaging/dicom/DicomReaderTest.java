package org.clinval.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading single files, DICOMDIRs and series of Debian's pydicom test data; expected values are
 * from {@code dcmdump} (DCMTK 3.6.7) of the same files, quoted at each assertion.
 */
class DicomReaderTest {

    @TempDir Path dir;

    static final Path DICOMDIR_TESTS = DebianDicomFiles.TEST_FILES.resolve("dicomdirtests");

    @Test
    void ctSliceInHounsfieldUnits() throws Exception {
        DicomImage ct = DicomReader.read(DebianDicomFiles.file("CT_small.dcm"));
        // dcmdump +P RescaleSlope +P RescaleIntercept CT_small.dcm: [1] [-1024]
        assertThat(ct.modalityLut().kind()).isEqualTo(ModalityLut.Kind.RESCALE);
        assertThat(ct.modalityLut().intercept()).isEqualTo(-1024);
        // pydicom: ds.pixel_array.min() == 128 → 128 - 1024 HU
        float min = Float.MAX_VALUE;
        for (float v : ct.frame(0)) min = Math.min(min, v);
        assertThat(min).isEqualTo(128 - 1024);
        // dcmdump: PixelSpacing [0.661468\0.661468], SliceThickness [5.000000]
        assertThat(ct.geometry().spacing().orElseThrow().row()).isEqualTo(0.661468);
        assertThat(ct.geometry().sliceThickness().orElseThrow()).isEqualTo(5.0);
        assertThat(ct.metadata().sopClassName()).contains("CT Image Storage");
        assertThat(ct.inverted()).isFalse();
    }

    @Test
    void monochrome1IsInvertedForDisplayAndSpacingIsAtTheDetector() throws Exception {
        DicomImage cr = DicomReader.read(DICOMDIR_TESTS.resolve("77654033/CR1/6154"));
        // dcmdump: PhotometricInterpretation [MONOCHROME1], ImagerPixelSpacing [0.1000\0.1000],
        // no PixelSpacing; WindowCenter [1600], WindowWidth [2800]
        assertThat(cr.photometricInterpretation()).isEqualTo("MONOCHROME1");
        assertThat(cr.inverted()).isTrue();
        assertThat(cr.geometry().spacing().orElseThrow().source()).isEqualTo("ImagerPixelSpacing");
        VoiWindow w = cr.window().orElseThrow();
        float[] shown = cr.display(0, w);
        float[] values = cr.frame(0);
        for (int i = 0; i < values.length; i++) {
            assertThat(shown[i]).isCloseTo((float) (1 - w.apply(values[i])), within(1e-6f));
        }
        // dcmdump: PatientAge [047Y]
        assertThat(cr.metadata().ageBand()).contains(AgeBand.FROM_40_TO_59);
    }

    @Test
    void colourImagesRefuseAVoiWindow() throws Exception {
        DicomImage us = DicomReader.read(DebianDicomFiles.file("ExplVR_BigEnd.dcm"));
        assertThat(us.samplesPerPixel()).isEqualTo(3);
        assertThatThrownBy(() -> us.display(0, new VoiWindow(128, 256, java.util.Optional.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RGB");
    }

    @Test
    void imagesAreImmutable() throws Exception {
        DicomImage mr = DicomReader.read(DebianDicomFiles.file("MR_small.dcm"));
        float before = mr.value(0, 0, 0);
        mr.frame(0)[0] = -99999;
        assertThat(mr.value(0, 0, 0)).isEqualTo(before);
        assertThat(mr.frameBuffer(0).isReadOnly()).isTrue();
        assertThatThrownBy(() -> mr.value(1, 0, 0)).hasMessageContaining("frame 1");
        assertThatThrownBy(() -> mr.value(0, 64, 0)).hasMessageContaining("(64, 0)");
    }

    @Test
    void errorsNameTheFileAndTheTransferSyntax() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not DICOM");
        assertThatThrownBy(() -> DicomReader.read(text))
                .isInstanceOf(DicomReadException.class)
                .hasMessageContaining(text.toString())
                .hasMessageContaining("not a DICOM Part 10 file");
        assertThatThrownBy(() -> DicomReader.read(dir.resolve("absent.dcm")))
                .hasMessageContaining("absent.dcm")
                .hasMessageContaining("no such file");
        // An SR document: a valid file, but not an image.
        Path sr = DebianDicomFiles.file("test-SR.dcm");
        assertThatThrownBy(() -> DicomReader.read(sr))
                .hasMessageContaining("Explicit VR Little Endian (1.2.840.10008.1.2.1)")
                .hasMessageContaining("not an image");
        // JPEG-LS: no pure-Java decoder, so a clear refusal.
        Path jls = DebianDicomFiles.file("MR_small_jpeg_ls_lossless.dcm");
        DicomReadException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        DicomReadException.class, () -> DicomReader.read(jls));
        assertThat(e.transferSyntax()).map(TransferSyntax::uid).contains("1.2.840.10008.1.2.4.80");
        assertThat(e.getMessage()).contains("JPEG-LS Lossless").contains(jls.toString());
        // Truncated Pixel Data (pydicom: "length of the pixel data ... doesn't match").
        assertThatThrownBy(() -> DicomReader.read(DebianDicomFiles.file("MR_truncated.dcm")))
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatingAGoodFileNeverYieldsAnImage() throws Exception {
        Path good = DebianDicomFiles.file("CT_small.dcm");
        byte[] all = Files.readAllBytes(good);
        // dcmdump: Pixel Data (32768 bytes) is followed by 138 bytes of (fffc,fffc) padding, so
        // every cut below lands before its last byte.
        for (int cut : new int[] {100, 140, 1000, all.length / 2, all.length - 140}) {
            Path part = dir.resolve("cut" + cut + ".dcm");
            Files.write(part, java.util.Arrays.copyOf(all, cut));
            assertThatThrownBy(() -> DicomReader.read(part))
                    .as("cut at %d of %d bytes", cut, all.length)
                    .isInstanceOf(DicomReadException.class)
                    .hasMessageContaining(part.toString());
        }
    }

    @Test
    void losslessTranscodesByDcmtkDecodeToTheSameValues() throws Exception {
        // DCMTK 3.6.7 encodes: dcmcjpeg +e1 (JPEG Lossless SV1, .4.70), dcmcjpeg +el +sv N
        // (JPEG Lossless process 14, selection values 1-7, .4.57), dcmcrle (RLE Lossless).
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmcjpeg")), "dcmtk is not installed");
        for (String name : new String[] {"CT_small.dcm", "MR_small.dcm"}) {
            Path original = DebianDicomFiles.file(name);
            DicomImage expected = DicomReader.read(original);
            List<List<String>> encoders = new ArrayList<>();
            encoders.add(List.of("/usr/bin/dcmcjpeg", "+e1"));
            for (int sv = 1; sv <= 7; sv++) {
                encoders.add(List.of("/usr/bin/dcmcjpeg", "+el", "+sv", Integer.toString(sv)));
            }
            encoders.add(List.of("/usr/bin/dcmcrle"));
            for (List<String> encoder : encoders) {
                Path out = dir.resolve(name + encoders.indexOf(encoder) + ".dcm");
                List<String> cmd = new ArrayList<>(encoder);
                cmd.add(original.toString());
                cmd.add(out.toString());
                assertThat(new ProcessBuilder(cmd).inheritIO().start().waitFor())
                        .as(String.join(" ", cmd))
                        .isZero();
                DicomImage decoded = DicomReader.read(out);
                assertThat(decoded.metadata().transferSyntax().encapsulated()).isTrue();
                assertThat(decoded.frame(0))
                        .as(String.join(" ", cmd))
                        .containsExactly(expected.frame(0));
            }
        }
    }

    @Test
    void multiFrameGreyScaleNativeAndEncapsulated() throws Exception {
        // src/test/python/make_multiframe.py: frame k = MR_small's pixels + 100 k; then
        // dcmcrle and dcmcjpeg +e1 (DCMTK 3.6.7) encode all three frames.
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmcjpeg")), "dcmtk is not installed");
        DicomImage single = DicomReader.read(DebianDicomFiles.file("MR_small.dcm"));
        Path mf = dir.resolve("mf.dcm");
        DebianDicomFiles.python(
                Path.of("src/test/python/make_multiframe.py"),
                List.of(mf.toString()),
                dir.resolve("python.log"));
        Path rle = dir.resolve("mf-rle.dcm");
        Path jpeg = dir.resolve("mf-jpeg.dcm");
        assertThat(
                        new ProcessBuilder("/usr/bin/dcmcrle", mf.toString(), rle.toString())
                                .start()
                                .waitFor())
                .isZero();
        assertThat(
                        new ProcessBuilder(
                                        "/usr/bin/dcmcjpeg", "+e1", mf.toString(), jpeg.toString())
                                .start()
                                .waitFor())
                .isZero();
        for (Path p : List.of(mf, rle, jpeg)) {
            DicomImage im = DicomReader.read(p);
            assertThat(im.frames()).isEqualTo(3);
            for (int k = 0; k < 3; k++) {
                float[] expected = single.frame(0);
                for (int i = 0; i < expected.length; i++) expected[i] += 100 * k;
                assertThat(im.frame(k))
                        .as("%s frame %d", p.getFileName(), k)
                        .containsExactly(expected);
            }
        }
    }

    @Test
    void dicomdirListsItsFilesAndTheyRead() throws Exception {
        DebianDicomFiles.assumeInstalled();
        Path dicomdir = DICOMDIR_TESTS.resolve("DICOMDIR");
        List<Path> files = DicomReader.referencedFiles(dicomdir);
        // pydicom: len([r for r in dcmread(DICOMDIR).DirectoryRecordSequence
        //               if 'ReferencedFileID' in r]) == 31
        assertThat(files).hasSize(31);
        assertThat(files).allMatch(Files::isRegularFile);
        assertThat(files).contains(DICOMDIR_TESTS.resolve("77654033/CR1/6154").toAbsolutePath());
        for (Path f : files) {
            assertThat(DicomReader.metadata(f).sopInstanceUid()).isNotEmpty();
        }
        assertThatThrownBy(() -> DicomReader.referencedFiles(DebianDicomFiles.file("CT_small.dcm")))
                .hasMessageContaining("not a DICOMDIR");
    }

    @Test
    void regularCtSeriesAssemblesWithoutFindings() throws Exception {
        List<DicomImage> slices = series("98892001/CT5N");
        Volume v = VolumeAssembler.assemble(slices);
        // dcmdump ImagePositionPatient z: 8.7625, 6.2625, 3.7625, 1.2625, -1.2375 (axial)
        assertThat(v.findings()).isEmpty();
        assertThat(v.slices()).hasSize(5);
        assertThat(v.sliceSpacing().orElseThrow()).isCloseTo(2.5, within(1e-9));
        assertThat(v.slices().get(0).geometry().position().orElseThrow().z()).isEqualTo(-1.2375);
        assertThat(v.slices().get(4).geometry().position().orElseThrow().z()).isEqualTo(8.7625);
        // Input order does not matter.
        List<DicomImage> reversed = new ArrayList<>(slices);
        java.util.Collections.reverse(reversed);
        assertThat(VolumeAssembler.assemble(reversed).slices()).isEqualTo(v.slices());
    }

    @Test
    void gapsAndMixedGeometryAreReportedNotFixed() throws Exception {
        // dcmdump z: -99.48, 103.02, 104.27, 105.52: steps 202.5, 1.25, 1.25
        Volume gap = VolumeAssembler.assemble(series("77654033/CT2"));
        assertThat(gap.slices()).hasSize(4);
        assertThat(gap.sliceSpacing().orElseThrow()).isCloseTo(1.25, within(1e-4));
        assertThat(gap.findings(VolumeFinding.Kind.GAP)).hasSize(1);
        assertThat(gap.findings(VolumeFinding.Kind.GAP).get(0).message())
                .contains("about 161 slice(s) missing");

        // MR2 mixes three series and three orientations (sagittal, coronal, axial).
        Volume mixed = VolumeAssembler.assemble(series("98892003/MR2"));
        assertThat(mixed.findings(VolumeFinding.Kind.MIXED_SERIES)).isNotEmpty();
        assertThat(mixed.findings(VolumeFinding.Kind.ORIENTATION_MISMATCH)).isNotEmpty();
        assertThat(mixed.regular()).isFalse();

        // A duplicate slice.
        List<DicomImage> twice = series("98892001/CT5N");
        twice.add(twice.get(0));
        assertThat(VolumeAssembler.assemble(twice).findings(VolumeFinding.Kind.DUPLICATE_POSITION))
                .hasSize(1);

        // Images without geometry are left out, and said to be.
        List<DicomImage> withCr = series("98892001/CT5N");
        withCr.add(DicomReader.read(DICOMDIR_TESTS.resolve("77654033/CR1/6154")));
        Volume v = VolumeAssembler.assemble(withCr);
        assertThat(v.slices()).hasSize(5);
        assertThat(v.findings(VolumeFinding.Kind.MISSING_GEOMETRY)).hasSize(1);
        assertThatThrownBy(() -> VolumeAssembler.assemble(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<DicomImage> series(String folder) throws Exception {
        DebianDicomFiles.assumeInstalled();
        List<DicomImage> out = new ArrayList<>();
        try (var s = Files.list(DICOMDIR_TESTS.resolve(folder))) {
            for (Path p : s.sorted().toList()) {
                out.add(DicomReader.read(p));
            }
        }
        return out;
    }
}
