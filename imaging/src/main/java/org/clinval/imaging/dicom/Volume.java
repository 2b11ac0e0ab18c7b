package org.clinval.imaging.dicom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A series of single-frame slices sorted along the slice normal, with what was found wrong on the
 * way (see {@link VolumeAssembler}).
 *
 * @param slices the slices with a position and orientation, sorted by increasing position along
 *     {@code normal}
 * @param normal the first slice's normal {@code row × column}, along which slices are sorted
 * @param orientation the first slice's orientation
 * @param spacing the first slice's pixel spacing, if it has one
 * @param sliceSpacing the median distance between adjacent slices along the normal, in mm; empty
 *     with fewer than two slices
 * @param findings problems found, in the order found; empty when the volume is regular
 */
public record Volume(
        List<DicomImage> slices,
        Vector3 normal,
        Orientation orientation,
        Optional<PixelSpacing> spacing,
        OptionalDouble sliceSpacing,
        List<VolumeFinding> findings) {

    public Volume {
        slices = List.copyOf(slices);
        Objects.requireNonNull(normal, "normal");
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(sliceSpacing, "sliceSpacing");
        findings = List.copyOf(findings);
    }

    /** Whether nothing was found wrong. */
    public boolean regular() {
        return findings.isEmpty();
    }

    /** The findings of one kind. */
    public List<VolumeFinding> findings(VolumeFinding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }
}
