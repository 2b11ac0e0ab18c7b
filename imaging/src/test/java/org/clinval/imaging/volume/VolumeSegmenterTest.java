package org.clinval.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clinval.imaging.dicom.Vector3;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.phantom.Lesion;
import org.clinval.imaging.phantom.PhantomCase;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeSegmenterTest {

    @TempDir Path dir;

    @Test
    void theBuiltInUNetSliceWiseFindsThePhantomNodulesInTheVolume() throws Exception {
        PhantomGenerator g =
                PhantomGenerator.builder()
                        .setSeed(31)
                        .setSize(128)
                        .setPrevalence(1)
                        .optSlices(16)
                        .optDiameters(10, 16)
                        .build();
        PhantomStudy study = PhantomStudyWriter.write(g, 1, dir);
        PhantomCase truth = g.generateCase(0);
        List<Path> files;
        try (Stream<Path> s = Files.list(study.dicom().resolve(truth.caseId()))) {
            files = s.sorted().toList();
        }
        SeriesVolume v = SeriesVolume.read("case-0001", files);
        assertThat(v.slices()).isEqualTo(16);
        VolumeMask reference =
                ReferenceMasks.fromSegmentation(
                        study.segmentations().get(0), v, SegmentSelector.all());
        assertThat(reference.count()).isEqualTo(truth.image().maskVoxels());

        try (ImageModel unet = Models.builtIn(BuiltInModel.NODULE_UNET);
                ImagePredictor p = unet.newPredictor()) {
            VolumeSegmenter segmenter = new VolumeSegmenter(unet.descriptor(), p);
            ProbabilityVolume prob = segmenter.segment(v);
            VolumeMask predicted = prob.threshold(unet.descriptor().threshold());
            long both = 0;
            for (int s = 0; s < v.slices(); s++)
                for (int r = 0; r < v.rows(); r++)
                    for (int c = 0; c < v.columns(); c++)
                        if (predicted.at(s, r, c) && reference.at(s, r, c)) both++;
            double dice = 2.0 * both / (predicted.count() + reference.count());
            assertThat(predicted.count()).isPositive();
            assertThat(dice).as("Dice of the slice-wise U-Net over the volume").isGreaterThan(0.5);

            List<Candidate> found = Candidates.extract(prob, 0.5, 3);
            for (Lesion l : truth.lesions()) {
                Vector3 centre = new Vector3(l.x(), l.y(), l.z());
                assertThat(found)
                        .as("a candidate within the radius of the lesion at %s", centre)
                        .anyMatch(k -> k.centre().minus(centre).norm() <= l.radiusMm());
            }
        }
    }

    @Test
    void aClassifierCannotSegmentAVolume() throws Exception {
        try (ImageModel m = Models.builtIn(BuiltInModel.NODULE_CLASSIFIER);
                ImagePredictor p = m.newPredictor()) {
            assertThatThrownBy(() -> new VolumeSegmenter(m.descriptor(), p))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("classification model");
        }
    }
}
