package org.clinval.imaging.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.clinval.validation.segmentation.LabelMap;
import org.clinval.validation.segmentation.Mask;

/**
 * A NIfTI-1 single-file image ({@code .nii}, or gzip-compressed {@code .nii.gz}) of 2 or 3
 * dimensions, read whole.
 *
 * <p>The byte order is the one in which {@code sizeof_hdr} reads 348. Supported datatypes: uint8,
 * int8, int16, uint16, int32, float32, float64; voxels start at {@code vox_offset}; {@code
 * scl_slope}/{@code scl_inter} are applied when the slope is non-zero. Trailing axes of size 1 are
 * dropped, so a single slice stored as {@code nx × ny × 1} is a 2D image. Every error names the
 * file and the header field at fault; errors are {@link InvalidNiftiException}s, unchecked, since
 * the file is the caller's argument. Reference: the NIfTI-1 header {@code nifti1.h}
 * (https://nifti.nimh.nih.gov/nifti-1).
 */
public final class Nifti1 {

    /** Size of the NIfTI-1 header in bytes, also the value of its first field. */
    static final int HEADER_SIZE = 348;

    /** A supported voxel datatype: its NIfTI code and size in bits. */
    public enum Datatype {
        UINT8(2, 8),
        INT8(256, 8),
        INT16(4, 16),
        UINT16(512, 16),
        INT32(8, 32),
        FLOAT32(16, 32),
        FLOAT64(64, 64);

        private final int code;
        private final int bits;

        Datatype(int code, int bits) {
            this.code = code;
            this.bits = bits;
        }

        /** Returns the NIfTI datatype code. */
        public int code() {
            return code;
        }

        /** Returns the bits per voxel. */
        public int bits() {
            return bits;
        }

        static Datatype of(int code) {
            for (Datatype d : values()) {
                if (d.code == code) return d;
            }
            return null;
        }

        double read(ByteBuffer b, int at) {
            return switch (this) {
                case UINT8 -> b.get(at) & 0xFF;
                case INT8 -> b.get(at);
                case INT16 -> b.getShort(at);
                case UINT16 -> b.getShort(at) & 0xFFFF;
                case INT32 -> b.getInt(at);
                case FLOAT32 -> b.getFloat(at);
                case FLOAT64 -> b.getDouble(at);
            };
        }
    }

    private final String file;
    private final int[] shape;
    private final double[] pixdim;
    private final int spatialUnits;
    private final Datatype datatype;
    private final ByteOrder order;
    private final double slope;
    private final double intercept;
    private final ByteBuffer data;
    private final int offset;
    private final double[][] sform;
    private final double[][] qform;

    private Nifti1(
            String file,
            int[] shape,
            double[] pixdim,
            int spatialUnits,
            Datatype datatype,
            ByteOrder order,
            double slope,
            double intercept,
            ByteBuffer data,
            int offset) {
        this.file = file;
        this.shape = shape;
        this.pixdim = pixdim;
        this.spatialUnits = spatialUnits;
        this.datatype = datatype;
        this.order = order;
        this.slope = slope;
        this.intercept = intercept;
        this.data = data;
        this.offset = offset;
        this.sform = sformOf(data);
        this.qform = qformOf(data);
    }

    /** The sform rows {@code srow_x, srow_y, srow_z} when {@code sform_code > 0}, else null. */
    private static double[][] sformOf(ByteBuffer b) {
        if (b.getShort(254) <= 0) return null;
        double[][] m = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) m[r][c] = b.getFloat(280 + 16 * r + 4 * c);
        }
        return finite(m) ? m : null;
    }

    /**
     * The qform as a 3 × 4 matrix when {@code qform_code > 0} (nifti1.h, method 2: rotation from
     * the quaternion (b, c, d), a = sqrt(1 − b² − c² − d²), columns scaled by pixdim and the third
     * by qfac = pixdim[0] (−1 or 1; 0 read as 1)), else null.
     */
    private static double[][] qformOf(ByteBuffer b) {
        if (b.getShort(252) <= 0) return null;
        double qb = b.getFloat(256), qc = b.getFloat(260), qd = b.getFloat(264);
        double a = 1 - (qb * qb + qc * qc + qd * qd);
        a = a < 1e-7 ? 0 : Math.sqrt(a);
        double qfac = b.getFloat(76) < 0 ? -1 : 1;
        double[] d = {b.getFloat(80), b.getFloat(84), b.getFloat(88)};
        double[][] r = {
            {a * a + qb * qb - qc * qc - qd * qd, 2 * (qb * qc - a * qd), 2 * (qb * qd + a * qc)},
            {2 * (qb * qc + a * qd), a * a + qc * qc - qb * qb - qd * qd, 2 * (qc * qd - a * qb)},
            {2 * (qb * qd - a * qc), 2 * (qc * qd + a * qb), a * a + qd * qd - qc * qc - qb * qb}
        };
        double[][] m = new double[3][4];
        for (int i = 0; i < 3; i++) {
            m[i][0] = r[i][0] * d[0];
            m[i][1] = r[i][1] * d[1];
            m[i][2] = r[i][2] * d[2] * qfac;
        }
        m[0][3] = b.getFloat(268);
        m[1][3] = b.getFloat(272);
        m[2][3] = b.getFloat(276);
        return finite(m) ? m : null;
    }

    private static boolean finite(double[][] m) {
        for (double[] row : m) for (double v : row) if (!Double.isFinite(v)) return false;
        return true;
    }

    /**
     * Returns the voxel-to-world matrix, 3 × 4, mapping {@code (i, j, k, 1)} to NIfTI world
     * coordinates in mm, which are RAS+ (+x to the patient's right, +y anterior, +z superior), so
     * DICOM patient coordinates (LPS) are {@code (−x, −y, z)}. Taken from the sform when {@code
     * sform_code > 0}, else from the qform when {@code qform_code > 0}; empty when the file states
     * neither (method 1, which places nothing in the patient).
     */
    public java.util.Optional<double[][]> worldAffine() {
        double[][] m = sform != null ? sform : qform;
        if (m == null) return java.util.Optional.empty();
        double[][] copy = new double[3][];
        for (int i = 0; i < 3; i++) copy[i] = m[i].clone();
        return java.util.Optional.of(copy);
    }

    /**
     * Returns which transform {@link #worldAffine()} uses: {@code sform}, {@code qform} or none.
     */
    public String affineSource() {
        return sform != null ? "sform" : qform != null ? "qform" : "none";
    }

    /**
     * Reads {@code path}, gzip-compressed or not (told by its first two bytes).
     *
     * @throws InvalidNiftiException naming the file and the bad header field
     */
    public static Nifti1 read(Path path) {
        String file = path.toString();
        byte[] bytes = bytes(path, file);
        if (bytes.length < HEADER_SIZE) {
            throw new InvalidNiftiException(
                    file
                            + ": "
                            + bytes.length
                            + " bytes is too short for a NIfTI-1 header ("
                            + HEADER_SIZE
                            + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != HEADER_SIZE) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) != HEADER_SIZE) {
                throw new InvalidNiftiException(
                        file
                                + ": sizeof_hdr is "
                                + b.order(ByteOrder.LITTLE_ENDIAN).getInt(0)
                                + ", not 348 in either byte order: not a NIfTI-1 file");
            }
        }
        String magic = new String(bytes, 344, 4, StandardCharsets.ISO_8859_1);
        if (magic.equals("ni1\0")) {
            throw new InvalidNiftiException(
                    file
                            + ": magic is 'ni1', a header of a .hdr/.img pair; only single-file"
                            + " NIfTI-1 ('n+1', .nii or .nii.gz) is supported");
        }
        if (!magic.equals("n+1\0")) {
            throw new InvalidNiftiException(
                    file + ": magic is '" + printable(magic) + "', not 'n+1': not a NIfTI-1 file");
        }
        int[] shape = shape(b, file);
        int code = b.getShort(70);
        Datatype datatype = Datatype.of(code);
        if (datatype == null) {
            throw new InvalidNiftiException(
                    file
                            + ": datatype "
                            + code
                            + " is not supported (uint8 2, int8 256, int16 4, uint16 512, int32 8,"
                            + " float32 16, float64 64)");
        }
        int bitpix = b.getShort(72);
        if (bitpix != datatype.bits()) {
            throw new InvalidNiftiException(
                    file
                            + ": bitpix is "
                            + bitpix
                            + " but datatype "
                            + datatype.name().toLowerCase(java.util.Locale.ROOT)
                            + " has "
                            + datatype.bits()
                            + " bits");
        }
        double[] pixdim = new double[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            pixdim[axis] = b.getFloat(76 + 4 * (axis + 1));
        }
        int offset = voxOffset(b, file, bytes.length);
        long needed = (long) voxels(shape) * (datatype.bits() / 8);
        if (bytes.length - offset < needed) {
            throw new InvalidNiftiException(
                    file
                            + ": truncated: "
                            + (bytes.length - offset)
                            + " bytes of voxel data after vox_offset "
                            + offset
                            + ", but dim "
                            + Arrays.toString(shape)
                            + " of "
                            + datatype.name().toLowerCase(java.util.Locale.ROOT)
                            + " needs "
                            + needed);
        }
        double slope = b.getFloat(112);
        double intercept = b.getFloat(116);
        if (!Double.isFinite(slope) || slope == 0) {
            slope = 1; // nifti1.h: scl_slope 0 means no scaling
            intercept = 0;
        } else if (!Double.isFinite(intercept)) {
            throw new InvalidNiftiException(file + ": scl_inter is not finite: " + intercept);
        }
        int units = b.get(123) & 0x07;
        return new Nifti1(
                file, shape, pixdim, units, datatype, b.order(), slope, intercept, b, offset);
    }

    private static byte[] bytes(Path path, String file) {
        try (InputStream raw = Files.newInputStream(path)) {
            InputStream in = new java.io.BufferedInputStream(raw);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new InvalidNiftiException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidNiftiException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static int[] shape(ByteBuffer b, String file) {
        int rank = b.getShort(40);
        if (rank < 1 || rank > 7) {
            throw new InvalidNiftiException(
                    file + ": dim[0] is " + rank + ", not a number of axes in 1..7");
        }
        int[] dim = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            dim[axis] = b.getShort(42 + 2 * axis);
            if (dim[axis] < 1) {
                throw new InvalidNiftiException(
                        file
                                + ": dim["
                                + (axis + 1)
                                + "] is "
                                + dim[axis]
                                + ", not a positive size");
            }
        }
        int n = rank;
        while (n > 2 && dim[n - 1] == 1) n--; // a single slice nx × ny × 1 is a 2D image
        if (n < 2 || n > 3) {
            throw new InvalidNiftiException(
                    file
                            + ": dim "
                            + Arrays.toString(dim)
                            + " is not a 2D or 3D image (dim[0] = "
                            + rank
                            + ")");
        }
        return Arrays.copyOf(dim, n);
    }

    private static int voxOffset(ByteBuffer b, String file, int length) {
        float v = b.getFloat(108);
        if (!(v >= HEADER_SIZE) || v != Math.rint(v) || v > length) {
            throw new InvalidNiftiException(
                    file
                            + ": vox_offset is "
                            + v
                            + ", not a whole byte offset between 348 and the file size "
                            + length);
        }
        return (int) v;
    }

    private static int voxels(int[] shape) {
        long n = 1;
        for (int s : shape) n *= s;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many voxels: " + n);
        }
        return (int) n;
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 32 && c < 127) out.append(c);
            else out.append(String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }

    /** Returns the file name as given. */
    public String file() {
        return file;
    }

    /** Returns the image size per axis ({@code dim[1..]} without trailing 1s), x first. */
    public int[] shape() {
        return shape.clone();
    }

    /** Returns the datatype. */
    public Datatype datatype() {
        return datatype;
    }

    /** Returns the byte order of the file. */
    public ByteOrder byteOrder() {
        return order;
    }

    /** Returns {@code pixdim[1..]} as stored, one per axis of {@link #shape()}. */
    public double[] pixdim() {
        return pixdim.clone();
    }

    /**
     * Returns the spacing in mm from {@code pixdim}, converted from metres or microns when {@code
     * xyzt_units} says so; unspecified units (code 0, common in practice) are taken as mm.
     *
     * @throws InvalidNiftiException naming {@code pixdim[i]} if it is not a positive finite number
     */
    public double[] spacingMm() {
        double factor =
                switch (spatialUnits) {
                    case 1 -> 1000; // NIFTI_UNITS_METER
                    case 3 -> 0.001; // NIFTI_UNITS_MICRON
                    default -> 1;
                };
        double[] mm = new double[pixdim.length];
        for (int axis = 0; axis < mm.length; axis++) {
            if (!(pixdim[axis] > 0) || Double.isInfinite(pixdim[axis])) {
                throw new InvalidNiftiException(
                        file
                                + ": pixdim["
                                + (axis + 1)
                                + "] is "
                                + pixdim[axis]
                                + ", not a positive spacing (give --spacing to override it)");
            }
            mm[axis] = pixdim[axis] * factor;
        }
        return mm;
    }

    /** Returns how {@link #spacingMm()} read the units, e.g. {@code mm} or {@code unspecified}. */
    public String spatialUnits() {
        return switch (spatialUnits) {
            case 1 -> "m";
            case 2 -> "mm";
            case 3 -> "micron";
            default -> "unspecified";
        };
    }

    /**
     * Returns the voxels whose scaled value is non-zero as a mask of shape {@link #shape()},
     * indexed {@code (x, y[, z])} in row-major order (the file stores x fastest).
     *
     * @throws InvalidNiftiException naming the voxel if a value is NaN
     */
    public Mask mask() {
        int nx = shape[0];
        int ny = shape[1];
        int nz = shape.length == 3 ? shape[2] : 1;
        boolean[] voxels = new boolean[nx * ny * nz];
        int bytes = datatype.bits() / 8;
        int at = offset;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, at += bytes) {
                    double v = datatype.read(data, at);
                    if (Double.isNaN(v)) {
                        throw new InvalidNiftiException(
                                file + ": voxel (" + x + ", " + y + ", " + z + ") is NaN");
                    }
                    voxels[(x * ny + y) * nz + z] = v * slope + intercept != 0;
                }
            }
        }
        return Mask.of(shape, voxels);
    }

    /**
     * Returns the scaled voxel values as an integer label map (0 = background) of shape {@link
     * #shape()}, indexed as {@link #mask()}.
     *
     * @throws InvalidNiftiException naming the voxel if a value is not a non-negative integer
     */
    public LabelMap labelMap() {
        int nx = shape[0];
        int ny = shape[1];
        int nz = shape.length == 3 ? shape[2] : 1;
        int[] labels = new int[nx * ny * nz];
        int bytes = datatype.bits() / 8;
        int at = offset;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, at += bytes) {
                    double v = datatype.read(data, at) * slope + intercept;
                    if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                        throw new InvalidNiftiException(
                                file
                                        + ": voxel ("
                                        + x
                                        + ", "
                                        + y
                                        + ", "
                                        + z
                                        + ") is not a label (a non-negative integer): "
                                        + v);
                    }
                    labels[(x * ny + y) * nz + z] = (int) v;
                }
            }
        }
        return LabelMap.of(shape, labels);
    }
}
