package org.clinval.imaging.phantom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clinval.imaging.deid.PhiScanner;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomReader;
import org.clinval.imaging.dicom.write.SegmentMask;
import org.clinval.imaging.dicom.write.SegmentationReader;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.testing.Dciodvfy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomStudyWriterTest {

    @TempDir static Path dir;

    private static PhantomGenerator generator;
    private static PhantomStudy study;

    @BeforeAll
    static void write() throws Exception {
        generator =
                PhantomGenerator.builder()
                        .setSeed(41)
                        .setSize(128)
                        .setPrevalence(0.6)
                        .optDrifted(0.2, SiteProfile.driftedSite())
                        .build();
        study = PhantomStudyWriter.write(generator, 8, dir.resolve("a"));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyImageAndSegmentationPassesDciodvfy() throws Exception {
        for (Path f : files(study.dicom())) {
            Dciodvfy.assertValid(f, "CTImage");
        }
        assertThat(study.segmentations()).hasSize(study.positives()).isNotEmpty();
        for (Path seg : study.segmentations()) {
            Dciodvfy.assertValid(seg, "Segmentation");
        }
    }

    @Test
    void theImagesHoldThePhantomsHounsfieldValuesAndTheSegmentationsItsMasks() throws Exception {
        for (int i = 0; i < study.cases(); i++) {
            PhantomCase c = generator.generateCase(i);
            Path slice = study.dicom().resolve(c.caseId()).resolve("IM001.dcm");
            DicomImage image = DicomReader.read(slice);
            assertThat(image.frame(0)).as(c.caseId()).containsExactly(c.image().hu());
            assertThat(image.metadata().manufacturer()).contains(c.site().manufacturer());
            assertThat(image.metadata().convolutionKernel()).contains(c.site().kernel());
            if (!c.positive()) continue;
            Path seg = study.root().resolve("truth/seg/" + c.caseId() + ".dcm");
            List<SegmentMask> masks =
                    SegmentationReader.read(seg, SourceSeries.read(List.of(slice)));
            assertThat(masks).hasSize(c.lesions().size());
            boolean[] union = new boolean[c.image().mask().length];
            for (SegmentMask m : masks) {
                boolean[] f = m.frames()[0];
                for (int p = 0; p < f.length; p++) union[p] |= f[p];
            }
            assertThat(union).as(c.caseId()).containsExactly(c.image().mask());
        }
    }

    @Test
    void theSameSeedWritesByteIdenticalFiles() throws Exception {
        PhantomStudy again = PhantomStudyWriter.write(generator, 8, dir.resolve("b"));
        List<Path> a = files(study.root());
        List<Path> b = files(again.root());
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(study.root().relativize(a.get(i)))
                    .isEqualTo(again.root().relativize(b.get(i)));
            assertThat(Files.readAllBytes(b.get(i)))
                    .as(a.get(i).toString())
                    .isEqualTo(Files.readAllBytes(a.get(i)));
        }
    }

    @Test
    void theImagesLookIdentifiedAndCarryTheCanaries() throws Exception {
        Path slice = study.dicom().resolve("case-0001").resolve("IM001.dcm");
        assertThat(PhiScanner.scan(slice).hasPhi()).isTrue();
        String bytes = new String(Files.readAllBytes(slice), StandardCharsets.ISO_8859_1);
        PhantomCase c = generator.generateCase(0);
        // DICOM writes dates as yyyymmdd; the ISO form of the birth date is a canary for text
        // outputs.
        assertThat(c.canaries().stream().filter(v -> !v.matches("\\d{4}-\\d{2}-\\d{2}")))
                .allMatch(bytes::contains);
        assertThat(study.canaries()).containsAll(c.canaries());
    }

    @Test
    void groundTruthHasARowPerCaseAndLesionsARowPerNodule() throws Exception {
        List<String> gt = Files.readAllLines(study.groundTruth());
        assertThat(gt.get(0)).isEqualTo(PhantomStudyWriter.GROUND_TRUTH_HEADER);
        assertThat(gt).hasSize(study.cases() + 1);
        int lesions = 0;
        for (int i = 0; i < study.cases(); i++)
            lesions += generator.generateCase(i).lesions().size();
        assertThat(Files.readAllLines(study.lesions())).hasSize(lesions + 1);
    }

    @Test
    void volumesWriteASliceAFileAndOneSegmentationOverThemAll() throws Exception {
        PhantomGenerator g =
                PhantomGenerator.builder()
                        .setSeed(5)
                        .setSize(64)
                        .setPrevalence(1)
                        .optSlices(6)
                        .build();
        PhantomStudy s = PhantomStudyWriter.write(g, 1, dir.resolve("volume"));
        List<Path> slices = files(s.dicom());
        assertThat(slices).hasSize(6);
        Dciodvfy.assertValid(s.segmentations().get(0), "Segmentation");
        List<SegmentMask> masks =
                SegmentationReader.read(s.segmentations().get(0), SourceSeries.read(slices));
        int voxels = 0;
        for (SegmentMask m : masks)
            for (boolean[] f : m.frames()) for (boolean b : f) if (b) voxels++;
        assertThat(voxels).isEqualTo(g.generateCase(0).image().maskVoxels());
    }
}
