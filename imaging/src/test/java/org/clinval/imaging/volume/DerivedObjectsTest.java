package org.clinval.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.DetectedPoint;
import org.clinval.imaging.dicom.write.DetectionReport;
import org.clinval.imaging.dicom.write.DetectionReportReader;
import org.clinval.imaging.dicom.write.Segment;
import org.clinval.imaging.dicom.write.WrittenInstance;
import org.clinval.imaging.testing.Dciodvfy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerivedObjectsTest {

    static final Code NODULE = new Code("27925004", "SCT", "Nodule");

    @TempDir Path dir;

    private SeriesVolume volume(String caseId) throws Exception {
        List<Path> files =
                new java.util.ArrayList<>(
                        Fixtures.write(
                                dir.resolve(caseId), caseId, Fixtures.stack(6, 20, 3.0), 9, 11));
        java.util.Collections.reverse(files);
        return SeriesVolume.read(caseId, files);
    }

    /** Two blobs: a 2-slice one and a 3-slice one, with distinct peaks. */
    static ProbabilityVolume probabilities(VolumeGeometry g) {
        float[][] p = new float[g.slices()][g.rows() * g.columns()];
        for (int s = 1; s <= 2; s++)
            for (int r = 1; r <= 3; r++)
                for (int c = 1; c <= 2; c++) p[s][r * g.columns() + c] = 0.7f;
        p[2][2 * g.columns() + 2] = 0.85f;
        for (int s = 3; s <= 5; s++)
            for (int r = 5; r <= 7; r++)
                for (int c = 6; c <= 9; c++) p[s][r * g.columns() + c] = 0.55f;
        p[4][6 * g.columns() + 8] = 0.95f;
        return new ProbabilityVolume(g, p);
    }

    @Test
    void predictedMaskWrittenAsSegPassesDciodvfyAndReadsBackVoxelEqual() throws Exception {
        SeriesVolume v = volume("case-0011");
        VolumeMask mask = probabilities(v.geometry()).threshold(0.5);
        Path seg = dir.resolve("out/seg.dcm");
        WrittenInstance w =
                DerivedObjects.writeSegmentation(
                        v, mask, Segment.finding("Nodule", NODULE), Fixtures.id("seg"), seg);
        assertThat(w.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.66.4");
        Dciodvfy.assertValid(seg, "Segmentation");
        VolumeMask back = ReferenceMasks.fromSegmentation(seg, v, SegmentSelector.number(1));
        assertThat(back).isEqualTo(mask);
        assertThat(back.count()).isEqualTo(2 * 3 * 2 + 3 * 3 * 4);
        assertThat(ReferenceMasks.fromSegmentation(seg, v, SegmentSelector.parse("Nodule")))
                .isEqualTo(mask);
        assertThat(ReferenceMasks.fromSegmentation(seg, v, SegmentSelector.all())).isEqualTo(mask);
    }

    @Test
    void candidatesWrittenAsComprehensive3dSrPassDciodvfyAndReadBackEqual() throws Exception {
        SeriesVolume v = volume("case-0012");
        List<Candidate> found = Candidates.extract(probabilities(v.geometry()), 0.5, 3);
        assertThat(found).hasSize(2);
        Path sr = dir.resolve("out/sr.dcm");
        WrittenInstance w = DerivedObjects.writeCandidates(v, found, 0.5, Fixtures.id("sr"), sr);
        assertThat(w.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.88.34");
        Dciodvfy.Report r = Dciodvfy.assertValid(sr, "Comprehensive3DSR");
        System.out.println("dciodvfy warnings, 3D SR: " + r.warnings());
        DetectionReport back = DetectionReportReader.read(sr);
        assertThat(back.threshold()).isEqualTo(0.5);
        assertThat(back.seriesInstanceUid()).isEqualTo(v.seriesInstanceUid());
        assertThat(back.points()).hasSize(2);
        for (int k = 0; k < 2; k++) {
            Candidate c = found.get(k);
            DetectedPoint p = back.points().get(k);
            // Graphic Data is FL: coordinates come back as the nearest 32-bit floats
            assertThat(p.x()).isEqualTo((double) (float) c.centre().x());
            assertThat(p.y()).isEqualTo((double) (float) c.centre().y());
            assertThat(p.z()).isEqualTo((double) (float) c.centre().z());
            assertThat(p.x()).isCloseTo(c.centre().x(), within(1e-4));
            // probabilities are 32-bit floats; the 16-character decimal string restores them
            assertThat((float) p.score()).isEqualTo((float) c.score());
            assertThat(p.diameterMm()).isCloseTo(c.equivalentDiameterMm(), within(1e-12));
        }
        // the anisotropic grid (0.7 / 0.8 / 3 mm) is in the coordinates: peak blob is the second
        Candidate top = found.get(0);
        assertThat(top.score()).isCloseTo(0.95, within(1e-6));
        assertThat(top.centre().z()).isCloseTo(20 + 4 * 3.0, within(1e-9));
        assertThat(top.centre().y()).isCloseTo(-80 + 6 * 0.7, within(1e-9));
        assertThat(top.centre().x()).isCloseTo(-100 + 7.5 * 0.8, within(1e-9));
    }

    @Test
    void anEmptyCandidateListStillGivesAValidReport() throws Exception {
        SeriesVolume v = volume("case-0013");
        Path sr = dir.resolve("out/empty.dcm");
        DerivedObjects.writeCandidates(v, List.of(), 0.5, Fixtures.id("empty"), sr);
        Dciodvfy.assertValid(sr, "Comprehensive3DSR");
        assertThat(DetectionReportReader.read(sr).points()).isEmpty();
    }

    @Test
    void aSegOfAnotherSeriesIsRefusedWithTheReason() throws Exception {
        SeriesVolume a = volume("case-0014");
        SeriesVolume b = volume("case-0015");
        Path seg = dir.resolve("out/b.dcm");
        DerivedObjects.writeSegmentation(
                b,
                probabilities(b.geometry()).threshold(0.5),
                Segment.finding("Nodule", NODULE),
                Fixtures.id("b"),
                seg);
        assertThatThrownBy(() -> ReferenceMasks.fromSegmentation(seg, a, SegmentSelector.number(1)))
                .isInstanceOf(VolumeException.class)
                .hasMessageStartingWith(
                        "case-0014: the reference segmentation refers to another series")
                .hasMessageNotContaining(dir.toString());
        assertThatThrownBy(() -> ReferenceMasks.fromSegmentation(seg, b, SegmentSelector.number(2)))
                .isInstanceOf(VolumeException.class)
                .hasMessageContaining("has no segment 2");
    }
}
