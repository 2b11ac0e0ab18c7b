package org.clinval.imaging.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;
import org.clinval.imaging.dicom.Orientation;
import org.clinval.imaging.dicom.PixelSpacing;
import org.clinval.imaging.dicom.Vector3;
import org.clinval.imaging.dicom.Volume;
import org.clinval.imaging.dicom.VolumeAssembler;
import org.clinval.imaging.dicom.VolumeFinding;
import org.clinval.imaging.volume.internal.Redact;

/**
 * A checked 3D volume of one series of single-frame grey-scale images: physical values (after the
 * modality LUT, e.g. HU) stored slice-major, {@code [slice][row · columns + column]}, on a regular
 * grid whose spacing comes from Pixel Spacing and from the positions' differences along the slice
 * normal — never a default.
 *
 * <p>Slices given in any order are sorted along the normal ({@link VolumeAssembler}). A series is
 * refused, with a {@link VolumeException} naming it by the caller's pseudonym and saying why, when
 * any of {@link VolumeAssembler}'s findings applies (mixed series, multi-frame image, no geometry,
 * mixed orientation, size or pixel spacing, duplicate position, missing slice, irregular spacing),
 * when it has gantry tilt (the positions' differences are not parallel to the normal, beyond
 * {@value #TILT_TOLERANCE_MM} mm plus {@value #TILT_TOLERANCE_RELATIVE} of the distance), fewer
 * than two slices (the slice spacing would be unknown), colour images, no Pixel Spacing, or cosines
 * that are not orthonormal. Files are never named in messages: a file is "file k of n" in the
 * caller's order.
 *
 * <p>The source SOP Instance UIDs are kept in slice order, so a SEG frame or an SR coordinate can
 * refer to slice {@code s}.
 */
public final class SeriesVolume {

    /** Absolute part of the gantry-tilt tolerance, mm. */
    public static final double TILT_TOLERANCE_MM = 0.01;

    /** Relative part of the gantry-tilt tolerance (about 0.06°). */
    public static final double TILT_TOLERANCE_RELATIVE = 1e-3;

    static final double ORTHONORMAL_TOLERANCE = 1e-4;

    private final String name;
    private final VolumeGeometry geometry;
    private final float[][] voxels;
    private final List<String> sopInstanceUids;
    private final String seriesInstanceUid;
    private final String studyInstanceUid;
    private final List<Path> files;

    private SeriesVolume(
            String name,
            VolumeGeometry geometry,
            float[][] voxels,
            List<String> sopInstanceUids,
            String seriesInstanceUid,
            String studyInstanceUid,
            List<Path> files) {
        this.name = name;
        this.geometry = geometry;
        this.voxels = voxels;
        this.sopInstanceUids = List.copyOf(sopInstanceUids);
        this.seriesInstanceUid = seriesInstanceUid;
        this.studyInstanceUid = studyInstanceUid;
        this.files = List.copyOf(files);
    }

    /**
     * Reads {@code files}, the images of one series in any order, into a checked volume.
     *
     * @param name the caller's pseudonymous name of the series (e.g. the case id), used in messages
     * @throws VolumeException naming {@code name} if a file cannot be read or the series does not
     *     form a regular volume
     * @throws IllegalArgumentException if there are no files or the name is blank
     */
    public static SeriesVolume read(String name, List<Path> files) throws VolumeException {
        checkName(name);
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException(name + ": no image files given");
        }
        List<DicomImage> images = new ArrayList<>(files.size());
        for (int k = 0; k < files.size(); k++) {
            try {
                images.add(DicomReader.read(files.get(k)));
            } catch (DicomReadException e) {
                throw new VolumeException(
                        name,
                        "file "
                                + (k + 1)
                                + " of "
                                + files.size()
                                + " cannot be read: "
                                + Redact.paths(e.what(), files),
                        e);
            }
        }
        return of(name, images);
    }

    /**
     * Builds a checked volume from images already read (as {@link #read} does after reading).
     *
     * @throws VolumeException naming {@code name} if the images do not form a regular volume
     */
    public static SeriesVolume of(String name, List<DicomImage> images) throws VolumeException {
        checkName(name);
        if (images.isEmpty()) {
            throw new IllegalArgumentException(name + ": no images given");
        }
        List<Path> given = images.stream().map(DicomImage::file).toList();
        for (int k = 0; k < images.size(); k++) {
            if (!images.get(k).monochrome()) {
                throw new VolumeException(
                        name,
                        "file "
                                + (k + 1)
                                + " of "
                                + images.size()
                                + " is not grey-scale ("
                                + images.get(k).photometricInterpretation()
                                + "); a volume takes grey-scale slices");
            }
        }
        Volume v;
        try {
            v = VolumeAssembler.assemble(images);
        } catch (IllegalArgumentException e) {
            throw new VolumeException(
                    name,
                    "no image has an Image Position and Orientation (Patient): no geometry to"
                            + " build a volume on");
        }
        if (!v.findings().isEmpty()) {
            throw new VolumeException(name, "not a regular volume: " + describe(v, given));
        }
        List<DicomImage> sorted = v.slices();
        if (sorted.size() < 2) {
            throw new VolumeException(
                    name,
                    "has a single slice; a volume needs at least two to know the slice spacing");
        }
        PixelSpacing spacing =
                v.spacing()
                        .orElseThrow(
                                () ->
                                        new VolumeException(
                                                name, "has no Pixel Spacing (0028,0030)"));
        if (!"PixelSpacing".equals(spacing.source())) {
            throw new VolumeException(
                    name,
                    "gives only "
                            + spacing.source()
                            + ", a spacing at the detector, not Pixel Spacing in the patient");
        }
        Orientation o = v.orientation();
        checkOrthonormal(name, o);
        Vector3 normal = o.normal();
        Vector3 first = position(sorted.get(0));
        Vector3 last = position(sorted.get(sorted.size() - 1));
        checkTilt(name, sorted, normal, first);
        double sliceSpacing = last.minus(first).dot(normal) / (sorted.size() - 1);
        DicomImage ref = sorted.get(0);
        VolumeGeometry g =
                new VolumeGeometry(
                        ref.rows(),
                        ref.columns(),
                        sorted.size(),
                        first,
                        o,
                        spacing.row(),
                        spacing.column(),
                        sliceSpacing);
        float[][] voxels = new float[sorted.size()][];
        List<String> sops = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int s = 0; s < sorted.size(); s++) {
            voxels[s] = sorted.get(s).frame(0);
            sops.add(sorted.get(s).metadata().sopInstanceUid());
            files.add(sorted.get(s).file());
        }
        return new SeriesVolume(
                name,
                g,
                voxels,
                sops,
                ref.metadata().seriesInstanceUid().orElse(""),
                ref.metadata().studyInstanceUid().orElse(""),
                files);
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a series needs a (pseudonymous) name for messages");
        }
    }

    private static String describe(Volume v, List<Path> given) {
        List<VolumeFinding> fs = v.findings();
        StringBuilder out = new StringBuilder();
        int shown = Math.min(fs.size(), 3);
        for (int i = 0; i < shown; i++) {
            VolumeFinding f = fs.get(i);
            if (i > 0) out.append("; ");
            out.append(kind(f.kind()))
                    .append(" (")
                    .append(Redact.paths(f.message(), given))
                    .append(')');
        }
        if (fs.size() > shown) {
            out.append("; and ").append(fs.size() - shown).append(" more problem(s)");
        }
        return out.toString();
    }

    private static String kind(VolumeFinding.Kind k) {
        return switch (k) {
            case MIXED_SERIES -> "images of more than one series";
            case MULTI_FRAME -> "a multi-frame image";
            case MISSING_GEOMETRY -> "an image without position or orientation";
            case ORIENTATION_MISMATCH -> "mixed orientation";
            case SIZE_MISMATCH -> "mixed image size";
            case SPACING_MISMATCH -> "mixed or missing pixel spacing";
            case DUPLICATE_POSITION -> "duplicate slice position";
            case GAP -> "missing slice (gap)";
            case IRREGULAR_SPACING -> "irregular slice spacing";
        };
    }

    private static void checkOrthonormal(String name, Orientation o) throws VolumeException {
        Vector3 r = o.row();
        Vector3 c = o.column();
        if (Math.abs(r.norm() - 1) > ORTHONORMAL_TOLERANCE
                || Math.abs(c.norm() - 1) > ORTHONORMAL_TOLERANCE
                || Math.abs(r.dot(c)) > ORTHONORMAL_TOLERANCE) {
            throw new VolumeException(
                    name, "Image Orientation (Patient) is not two orthogonal unit vectors: " + o);
        }
    }

    private static void checkTilt(
            String name, List<DicomImage> sorted, Vector3 normal, Vector3 first)
            throws VolumeException {
        for (int s = 1; s < sorted.size(); s++) {
            Vector3 d = position(sorted.get(s)).minus(first);
            double along = d.dot(normal);
            double perpendicular = Math.sqrt(Math.max(0, d.dot(d) - along * along));
            if (perpendicular > TILT_TOLERANCE_MM + TILT_TOLERANCE_RELATIVE * d.norm()) {
                double degrees = Math.toDegrees(Math.atan2(perpendicular, Math.abs(along)));
                throw new VolumeException(
                        name,
                        String.format(
                                Locale.ROOT,
                                "gantry tilt or sheared stack: slice %d lies %.3f mm off the"
                                        + " slice normal of the first (%.2f°); resample the"
                                        + " series before using it as a volume",
                                s + 1,
                                perpendicular,
                                degrees));
            }
        }
    }

    private static Vector3 position(DicomImage im) {
        return im.geometry().position().orElseThrow();
    }

    /** Returns the caller's name of the series, the only name used in messages. */
    public String name() {
        return name;
    }

    /** Returns the grid and its placement in the patient. */
    public VolumeGeometry geometry() {
        return geometry;
    }

    /** Returns the number of rows per slice. */
    public int rows() {
        return geometry.rows();
    }

    /** Returns the number of columns per slice. */
    public int columns() {
        return geometry.columns();
    }

    /** Returns the number of slices. */
    public int slices() {
        return geometry.slices();
    }

    /** Returns the value of voxel (slice, row, column). */
    public float at(int slice, int row, int column) {
        return voxels[slice][row * geometry.columns() + column];
    }

    /** Returns a copy of slice {@code s}'s values, row-major. */
    public float[] slice(int s) {
        if (s < 0 || s >= voxels.length) {
            throw new IllegalArgumentException(
                    "slice " + s + " is outside 0.." + (voxels.length - 1));
        }
        return voxels[s].clone();
    }

    /** Returns the SOP Instance UID of every slice, in slice order. */
    public List<String> sopInstanceUids() {
        return sopInstanceUids;
    }

    /** Returns the Series Instance UID of the source images ("" if they have none). */
    public String seriesInstanceUid() {
        return seriesInstanceUid;
    }

    /** Returns the Study Instance UID of the source images ("" if they have none). */
    public String studyInstanceUid() {
        return studyInstanceUid;
    }

    /** The source files in slice order: for derived objects, never for messages. */
    List<Path> files() {
        return files;
    }

    /** Returns the slice index whose SOP Instance UID is {@code uid}, or -1. */
    public int sliceOf(String uid) {
        return sopInstanceUids.indexOf(uid);
    }

    @Override
    public String toString() {
        return "SeriesVolume["
                + name
                + ", "
                + slices()
                + " x "
                + rows()
                + " x "
                + columns()
                + ", spacing "
                + geometry.sliceSpacing()
                + "/"
                + geometry.rowSpacing()
                + "/"
                + geometry.columnSpacing()
                + " mm]";
    }
}
