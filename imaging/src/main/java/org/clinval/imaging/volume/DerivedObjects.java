package org.clinval.imaging.volume;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.DerivedInstance;
import org.clinval.imaging.dicom.write.DetectedPoint;
import org.clinval.imaging.dicom.write.DetectionReportWriter;
import org.clinval.imaging.dicom.write.Segment;
import org.clinval.imaging.dicom.write.SegmentationWriter;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.dicom.write.WrittenInstance;
import org.clinval.imaging.volume.internal.Redact;

/**
 * Writes a volume's results as DICOM objects that reference its source series: a predicted mask as
 * a binary Segmentation ({@link SegmentationWriter}), detection candidates as one Comprehensive 3D
 * SR per case with a SCOORD3D point per candidate ({@link DetectionReportWriter}).
 */
public final class DerivedObjects {

    private DerivedObjects() {}

    /**
     * Writes {@code mask} as a one-segment DICOM SEG over {@code volume}'s slices.
     *
     * @throws IllegalArgumentException if the mask is not on the volume's grid
     * @throws VolumeException naming the volume if its sources lack what a SEG needs or the file
     *     cannot be written
     */
    public static WrittenInstance writeSegmentation(
            SeriesVolume volume, VolumeMask mask, Segment segment, DerivedInstance id, Path file)
            throws VolumeException {
        Objects.requireNonNull(segment, "segment");
        if (!mask.geometry().equals(volume.geometry())) {
            throw new IllegalArgumentException(
                    volume.name() + ": the mask is not on the volume's grid");
        }
        SourceSeries source = Sources.of(volume);
        try {
            return SegmentationWriter.write(source, List.of(mask.toSegmentMask(segment)), id, file);
        } catch (ImagingException e) {
            throw new VolumeException(
                    volume.name(),
                    "cannot write the segmentation: "
                            + Redact.path(
                                    Redact.paths(e.getMessage(), volume.files()),
                                    file,
                                    "the output file"),
                    e);
        }
    }

    /**
     * Writes {@code candidates} found on {@code volume} at {@code threshold} as one Comprehensive
     * 3D SR, in the given order; no candidate gives a report with no measurement group.
     *
     * @throws VolumeException naming the volume if its sources lack what an SR needs or the file
     *     cannot be written
     */
    public static WrittenInstance writeCandidates(
            SeriesVolume volume,
            List<Candidate> candidates,
            double threshold,
            DerivedInstance id,
            Path file)
            throws VolumeException {
        List<DetectedPoint> points =
                candidates.stream()
                        .map(
                                c ->
                                        new DetectedPoint(
                                                c.centre().x(),
                                                c.centre().y(),
                                                c.centre().z(),
                                                c.score(),
                                                c.equivalentDiameterMm()))
                        .toList();
        SourceSeries source = Sources.of(volume);
        try {
            return DetectionReportWriter.write(source, points, threshold, id, file);
        } catch (ImagingException e) {
            throw new VolumeException(
                    volume.name(),
                    "cannot write the detection report: "
                            + Redact.path(
                                    Redact.paths(e.getMessage(), volume.files()),
                                    file,
                                    "the output file"),
                    e);
        }
    }
}
