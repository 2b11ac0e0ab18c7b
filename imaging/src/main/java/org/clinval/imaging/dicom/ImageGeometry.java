package org.clinval.imaging.dicom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where an image lies in the patient, as far as the file says. Nothing is defaulted: an attribute
 * the file lacks is absent here.
 *
 * @param spacing pixel spacing in mm, from Pixel Spacing (0028,0030) or, for projection radiography
 *     without it, Imager Pixel Spacing (0018,1164) — {@link PixelSpacing#source()} says which
 * @param sliceThickness Slice Thickness (0018,0050) in mm
 * @param position Image Position (Patient) (0020,0032) of the first frame: the centre of its first
 *     pixel, in mm
 * @param orientation Image Orientation (Patient) (0020,0037)
 * @param framePositions per-frame positions of a multi-frame (enhanced) image, from its Per-frame
 *     Functional Groups; empty when the file gives none
 */
public record ImageGeometry(
        Optional<PixelSpacing> spacing,
        OptionalDouble sliceThickness,
        Optional<Vector3> position,
        Optional<Orientation> orientation,
        List<Vector3> framePositions) {

    public ImageGeometry {
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(sliceThickness, "sliceThickness");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(orientation, "orientation");
        framePositions = List.copyOf(framePositions);
    }
}
