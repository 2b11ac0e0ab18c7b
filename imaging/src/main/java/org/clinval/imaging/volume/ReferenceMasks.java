package org.clinval.imaging.volume;

import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.SegmentMask;
import org.clinval.imaging.dicom.write.SegmentationReader;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.volume.internal.Redact;

/**
 * Reference (truth) masks placed on a volume's grid: from a DICOM SEG, each frame placed on the
 * slice whose SOP Instance UID its Source Image Sequence references; from a NIfTI file, through its
 * sform (else qform) matched against the series geometry ({@link NiftiReference}). A reference of
 * another series or frame of reference is refused, never re-sampled; messages name the volume by
 * its pseudonym and the file as "the reference segmentation".
 */
public final class ReferenceMasks {

    private ReferenceMasks() {}

    /**
     * Returns the selected segment of the segmentation {@code seg} on {@code volume}'s grid.
     *
     * @throws VolumeException naming the volume if the file is not a binary segmentation of the
     *     volume's series (another series, frame of reference or size, a frame derived from an
     *     image not in the volume) or has no such segment
     */
    public static VolumeMask fromSegmentation(
            Path seg, SeriesVolume volume, SegmentSelector selector) throws VolumeException {
        String label = "the reference segmentation";
        SegmentationReader.References refs;
        try {
            refs = SegmentationReader.references(seg);
        } catch (ImagingException e) {
            throw new VolumeException(volume.name(), Redact.path(e.getMessage(), seg, label), e);
        }
        if (!refs.seriesInstanceUids().isEmpty()
                && !refs.seriesInstanceUids().contains(volume.seriesInstanceUid())) {
            throw new VolumeException(
                    volume.name(),
                    label
                            + " refers to another series than the volume's images (its Referenced"
                            + " Series Sequence does not list the volume's Series Instance UID)");
        }
        SourceSeries source = Sources.of(volume);
        if (!refs.frameOfReferenceUid().isEmpty()
                && !refs.frameOfReferenceUid().equals(source.frameOfReferenceUid())) {
            throw new VolumeException(
                    volume.name(),
                    label + " lies in another frame of reference than the volume's images");
        }
        List<SegmentMask> masks;
        try {
            masks = SegmentationReader.read(seg, source);
        } catch (ImagingException e) {
            throw new VolumeException(
                    volume.name(),
                    Redact.paths(Redact.path(e.getMessage(), seg, label), volume.files()),
                    e);
        }
        return select(volume, masks, selector, label);
    }

    /**
     * Returns the non-zero voxels of the NIfTI-1 file {@code nii} on {@code volume}'s grid, placed
     * through its sform (else qform) as {@link NiftiReference} describes.
     *
     * @throws VolumeException naming the volume if the file cannot be read, states no transform, or
     *     does not lie on the series grid (a flipped or oblique axis, another spacing, extent or
     *     origin)
     */
    public static VolumeMask fromNifti(Path nii, SeriesVolume volume) throws VolumeException {
        return NiftiReference.place(nii, volume);
    }

    private static VolumeMask select(
            SeriesVolume volume, List<SegmentMask> masks, SegmentSelector selector, String label)
            throws VolumeException {
        VolumeGeometry g = volume.geometry();
        if (selector instanceof SegmentSelector.ByNumber n) {
            if (n.number() > masks.size()) {
                throw new VolumeException(
                        volume.name(),
                        label + " has no segment " + n.number() + " (it has " + masks.size() + ")");
            }
            return new VolumeMask(g, masks.get(n.number() - 1).frames());
        }
        if (selector instanceof SegmentSelector.ByLabel l) {
            List<SegmentMask> found =
                    masks.stream().filter(m -> m.segment().label().equals(l.label())).toList();
            if (found.size() != 1) {
                throw new VolumeException(
                        volume.name(),
                        label
                                + (found.isEmpty() ? " has no segment" : " has several segments")
                                + " labelled '"
                                + l.label()
                                + "' (it has "
                                + masks.size()
                                + " segment(s))");
            }
            return new VolumeMask(g, found.get(0).frames());
        }
        VolumeMask out = VolumeMask.empty(g);
        for (SegmentMask m : masks) {
            out = out.or(new VolumeMask(g, m.frames()));
        }
        return out;
    }
}
